import sharp from "sharp";

/** Text written into the test photo's EXIF, so its absence from stored bytes can be checked. */
export const PHOTO_CAMERA_MAKE = "TalknotesTestCam";

/**
 * A JPEG as a phone writes it: EXIF with the camera's make, a GPS position
 * (the GPS IFD) and orientation 6 (the pixels are stored sideways: the photo
 * is `width` x `height` as stored, shown `height` x `width`). The pixels are
 * a gradient, so the encoder has real work and variants differ.
 */
export async function photoWithGps(width = 1200, height = 800): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = ((x + y) * 7) % 256;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Make: PHOTO_CAMERA_MAKE, Model: "Slide Shooter" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 30/1 2606/100",
        GPSLongitudeRef: "W",
        GPSLongitude: "0/1 7/1 3966/100",
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}
