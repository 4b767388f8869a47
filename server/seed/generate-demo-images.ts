// Demo pictures drawn in code (no downloads, no bundled datasets): simple
// scenes with clear objects, so click-to-mask has something to find.
import sharp from "sharp";

type Scene = { name: string; svg: string };

function scene(index: number, width: number, height: number): Scene {
  const hue = (index * 47) % 360;
  const objects: string[] = [];
  // Deterministic "random" layout per image.
  let seed = index * 9301 + 49297;
  const rand = () => ((seed = (seed * 9301 + 49297) % 233280) / 233280);
  for (let i = 0; i < 3 + (index % 3); i++) {
    const x = 80 + rand() * (width - 260);
    const y = height * 0.35 + rand() * (height * 0.45);
    const size = 60 + rand() * 90;
    const colour = `hsl(${(hue + 90 + i * 70) % 360} 70% 50%)`;
    if (i % 3 === 0) objects.push(`<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${colour}" stroke="#222" stroke-width="3"/>`);
    else if (i % 3 === 1) objects.push(`<rect x="${x}" y="${y - size / 2}" width="${size * 1.4}" height="${size}" rx="10" fill="${colour}" stroke="#222" stroke-width="3"/>`);
    else objects.push(`<polygon points="${x},${y + size / 2} ${x + size / 2},${y - size / 2} ${x + size},${y + size / 2}" fill="${colour}" stroke="#222" stroke-width="3"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="hsl(${hue} 60% 85%)"/><stop offset="1" stop-color="hsl(${hue} 40% 97%)"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <rect y="${height * 0.7}" width="100%" height="${height * 0.3}" fill="hsl(${(hue + 120) % 360} 30% 70%)"/>
  ${objects.join("\n  ")}
</svg>`;
  return { name: `demo-scene-${String(index + 1).padStart(2, "0")}.png`, svg };
}

export async function generateDemoImages(count = 6): Promise<{ fileName: string; bytes: Buffer }[]> {
  const images: { fileName: string; bytes: Buffer }[] = [];
  for (let index = 0; index < count; index++) {
    const { name, svg } = scene(index, 960, 640);
    images.push({ fileName: name, bytes: await sharp(Buffer.from(svg)).png().toBuffer() });
  }
  return images;
}
