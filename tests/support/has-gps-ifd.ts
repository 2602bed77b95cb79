/**
 * True when raw EXIF (as sharp's metadata().exif gives it, "Exif\0\0" then
 * TIFF) has an IFD0 entry pointing at a GPS IFD (tag 0x8825), in either byte order.
 */
export function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(
    exif.indexOf("II") >= 0 && exif.indexOf("II") < 8 ? exif.indexOf("II") : exif.indexOf("MM"),
  );
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (o: number) => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (little ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd0 = u32(4);
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) {
    if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  }
  return false;
}
