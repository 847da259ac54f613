// Data loader: KaTeX's WOFF2 fonts as a tar archive, each under its plain name and under the hashed name the
// stylesheet asks for (src/build/katex-fonts.ts explains why). Framework serves /assets/katex/fonts/<file> from it.
import {katexFonts} from "../../build/katex-fonts.js";

/** One file of a POSIX (ustar) tar archive: a 512-byte header, then the data padded to 512 bytes. */
function entry(name: string, data: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const field = (offset: number, length: number, value: string) => header.write(value, offset, length, "ascii");
  const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, "0")}\0`;
  field(0, 100, name);
  field(100, 8, octal(0o644, 8));
  field(108, 8, octal(0, 8));
  field(116, 8, octal(0, 8));
  field(124, 12, octal(data.length, 12));
  field(136, 12, octal(0, 12));
  field(148, 8, " ".repeat(8)); // the checksum counts its own field as spaces
  field(156, 1, "0");
  field(257, 8, "ustar\u000000");
  let checksum = 0;
  for (const byte of header) checksum += byte;
  field(148, 8, `${checksum.toString(8).padStart(6, "0")}\0 `);
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, data, padding]);
}

const parts = katexFonts().flatMap((font) => [
  entry(`${font.name}.woff2`, font.bytes),
  entry(font.hashedFile, font.bytes)
]);
process.stdout.write(Buffer.concat([...parts, Buffer.alloc(1024)]));
