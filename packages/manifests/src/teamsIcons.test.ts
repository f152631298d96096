import { readFileSync } from 'node:fs';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MANIFESTS_DIR } from './buildManifests.ts';
import { drawColorIcon, drawOutlineIcon } from './drawIcons.ts';
import { TEAMS_COLOR_ICON_PX, TEAMS_OUTLINE_ICON_PX } from './teamsIcons.ts';

const PNG_SIGNATURE = '89504e470d0a1a0a';
const COLOR_TYPE_RGBA = 6;

interface PngFile {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  /** Raw scanlines (filter byte + pixels per row), inflated from the IDAT chunks. */
  readonly scanlines: Buffer;
}

/** Reads a PNG file from its chunks, checking each chunk's CRC. */
function readPng(bytes: Buffer): PngFile {
  expect(bytes.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length), `${type} CRC`).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (header === undefined) throw new Error('no IHDR chunk');
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header.readUInt8(8),
    colorType: header.readUInt8(9),
    scanlines: inflateSync(Buffer.concat(data)),
  };
}

/** RGBA pixels of an unfiltered (filter type 0) 8-bit RGBA PNG. */
function pixelsOf(png: PngFile): Uint8Array {
  const rowBytes = png.width * 4;
  const pixels = new Uint8Array(png.height * rowBytes);
  for (let y = 0; y < png.height; y += 1) {
    const start = y * (rowBytes + 1);
    expect(png.scanlines[start], `filter of row ${y}`).toBe(0);
    pixels.set(png.scanlines.subarray(start + 1, start + 1 + rowBytes), y * rowBytes);
  }
  return pixels;
}

function readIcon(name: string): PngFile {
  return readPng(readFileSync(new URL(`teams/${name}`, MANIFESTS_DIR)));
}

describe('Teams icons', () => {
  it('colour icon is a 192×192 PNG', () => {
    const png = readIcon('color.png');

    expect([png.width, png.height]).toEqual([TEAMS_COLOR_ICON_PX, TEAMS_COLOR_ICON_PX]);
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it('outline icon is a 32×32 PNG with an alpha channel', () => {
    const png = readIcon('outline.png');

    expect([png.width, png.height]).toEqual([TEAMS_OUTLINE_ICON_PX, TEAMS_OUTLINE_ICON_PX]);
    expect([png.width, png.height]).toEqual([32, 32]);
    expect([png.bitDepth, png.colorType]).toEqual([8, COLOR_TYPE_RGBA]);
  });

  it('outline icon is white on transparent', () => {
    const pixels = pixelsOf(readIcon('outline.png'));
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3]!;
      if (alpha === 0) transparent += 1;
      else expect([...pixels.subarray(i, i + 3)], `pixel ${i / 4}`).toEqual([255, 255, 255]);
      if (alpha === 255) opaque += 1;
    }

    expect(pixels[3], 'top-left corner').toBe(0);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(opaque).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('colour icon fills its square: every pixel is opaque', () => {
    const pixels = pixelsOf(readIcon('color.png'));

    const seeThrough = pixels.filter((value, i) => i % 4 === 3 && value !== 255).length;

    expect(seeThrough).toBe(0);
  });

  it('committed icons are what the drawing script produces', () => {
    const differingBytes = (committed: Uint8Array, drawn: Uint8Array) =>
      committed.length === drawn.length
        ? committed.filter((byte, i) => byte !== drawn[i]).length
        : -1;

    expect(differingBytes(pixelsOf(readIcon('color.png')), drawColorIcon().pixels)).toBe(0);
    expect(differingBytes(pixelsOf(readIcon('outline.png')), drawOutlineIcon().pixels)).toBe(0);
  });
});
