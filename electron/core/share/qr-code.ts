/** A share link as a QR code: an SVG data URL made here, in the core (nothing is fetched). */

export async function qrSvgDataUrl(text: string): Promise<string> {
  // Loaded when a board is first shared, not at the app's start.
  const { default: QRCode } = await import('qrcode');
  // Medium error correction and a 2-module quiet zone: readable from a phone at arm's length.
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
