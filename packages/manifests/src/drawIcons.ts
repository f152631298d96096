import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type RgbaImage } from './encodePng.ts';
import { ACCENT_COLOR, TEAMS_COLOR_ICON_PX, TEAMS_OUTLINE_ICON_PX } from './teamsIcons.ts';

type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
const SAMPLES_PER_AXIS = 4;
const RING_RADIUS = 0.3;
const RING_HALF_WIDTH = 0.035;
const SEAT_RADIUS = 0.075;
const SEATS = Array.from({ length: 6 }, (_, index) => {
  const angle = -Math.PI / 2 + (index * Math.PI) / 3;
  return [RING_RADIUS * Math.cos(angle), RING_RADIUS * Math.sin(angle)] as const;
});

/**
 * The Cercle mark: a ring with six seats on it, the group sitting in a circle. Sizes are
 * fractions of the icon so both icons share one drawing.
 */
function isOnMark(x: number, y: number): boolean {
  const dx = x - 0.5;
  const dy = y - 0.5;
  if (Math.abs(Math.hypot(dx, dy) - RING_RADIUS) <= RING_HALF_WIDTH) return true;
  return SEATS.some(([sx, sy]) => Math.hypot(dx - sx, dy - sy) <= SEAT_RADIUS);
}

/** Coverage of the mark over each pixel, from a grid of samples (cheap anti-aliasing). */
function drawMark(size: number, paint: (coverage: number) => readonly number[]) {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES_PER_AXIS; sy += 1) {
        for (let sx = 0; sx < SAMPLES_PER_AXIS; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES_PER_AXIS) / size;
          const y = (py + (sy + 0.5) / SAMPLES_PER_AXIS) / size;
          if (isOnMark(x, y)) hits += 1;
        }
      }
      pixels.set(paint(hits / SAMPLES_PER_AXIS ** 2), (py * size + px) * 4);
    }
  }
  return pixels;
}

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** 192×192, white mark on the accent colour, full bleed as Teams asks for colour icons. */
export function drawColorIcon(): RgbaImage {
  const background = hexToRgb(ACCENT_COLOR);
  const size = TEAMS_COLOR_ICON_PX;
  const pixels = drawMark(size, (coverage) => [
    ...background.map((channel, i) => Math.round(channel + (WHITE[i]! - channel) * coverage)),
    255,
  ]);
  return { width: size, height: size, pixels };
}

/** 32×32, white mark on transparent. */
export function drawOutlineIcon(): RgbaImage {
  const size = TEAMS_OUTLINE_ICON_PX;
  const pixels = drawMark(size, (coverage) => [...WHITE, Math.round(255 * coverage)]);
  return { width: size, height: size, pixels };
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  const teamsDir = new URL('../../../manifests/teams/', import.meta.url);
  writeFileSync(new URL('color.png', teamsDir), encodePng(drawColorIcon()));
  writeFileSync(new URL('outline.png', teamsDir), encodePng(drawOutlineIcon()));
  console.log(`wrote color.png and outline.png in ${fileURLToPath(teamsDir)}`);
}
