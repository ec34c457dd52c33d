/**
 * Who the app is, in one place without an electron import, so the packaging test can compare
 * electron-builder.yml with what the running app uses.
 */

/** Same id as electron-builder.yml's appId: Windows groups notifications and taskbar by it. */
export const APP_ID = 'com.livedesk.console';
export const PRODUCT_NAME = 'LiveDesk';
/** The Chinese product name, shown next to LiveDesk wherever the platform has room for it. */
export const PRODUCT_NAME_ZH = '直播助理台';
