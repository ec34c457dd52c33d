/** A share link as a QR code: an SVG data URL made here, in the core (nothing is fetched). */
import QRCode from 'qrcode';

export async function qrSvgDataUrl(text: string): Promise<string> {
  // Medium error correction and a 2-module quiet zone: readable from a phone at arm's length.
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
