package descent.data;

/**
 * Turns a small user image into a model input: grayscale, resized by area averaging to S x S (16 or 28), white ink on
 * black like {@link TinyImages} (a light background is inverted), values in [0, 1]. The browser decodes the file to
 * RGBA pixels; this class validates and converts them. Netpbm (PGM) files are also read here, in pure Java.
 */
public final class ImageImport {
    private ImageImport() {}

    public static final int MAX_SIDE = 1024;

    /** rgba: w * h * 4 bytes, row-major, as canvas getImageData gives them. */
    public static ImportResult<float[]> fromRgba(byte[] rgba, int w, int h, int size) {
        String bad = checkDims(w, h, size);
        if (bad != null) return ImportResult.failed(0, bad);
        if (rgba == null || rgba.length != w * h * 4) {
            return ImportResult.failed(0, "expected " + (w * h * 4) + " bytes of RGBA pixels, got "
                    + (rgba == null ? 0 : rgba.length));
        }
        float[] gray = new float[w * h];
        for (int i = 0; i < w * h; i++) {
            int r = rgba[4 * i] & 0xff, g = rgba[4 * i + 1] & 0xff, b = rgba[4 * i + 2] & 0xff, a = rgba[4 * i + 3] & 0xff;
            // Rec. 601 luma, composited over white so transparent areas count as background
            float luma = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
            gray[i] = luma * (a / 255f) + (1 - a / 255f);
        }
        return ImportResult.ok(toInput(gray, w, h, size));
    }

    /** A binary (P5) or plain (P2) PGM file. */
    public static ImportResult<float[]> fromPgm(byte[] file, int size) {
        if (file == null || file.length == 0) return ImportResult.failed(0, "the file is empty");
        if (file.length < 2 || file[0] != 'P' || (file[1] != '5' && file[1] != '2')) {
            return ImportResult.failed(0, "not a PGM image (it should start with P5 or P2)");
        }
        boolean plain = file[1] == '2';
        int[] pos = {2};
        int w = header(file, pos), h = header(file, pos), max = header(file, pos);
        if (w < 0 || h < 0 || max < 0) return ImportResult.failed(0, "the PGM header is damaged");
        String bad = checkDims(w, h, size);
        if (bad != null) return ImportResult.failed(0, bad);
        if (max < 1 || max > 255) return ImportResult.failed(0, "only 8-bit PGM images are supported (maxval " + max + ")");
        float[] gray = new float[w * h];
        if (plain) {
            for (int i = 0; i < w * h; i++) {
                int v = header(file, pos);
                if (v < 0 || v > max) return ImportResult.failed(0, "pixel " + i + " is missing or out of range");
                gray[i] = (float) v / max;
            }
        } else {
            int start = pos[0] + 1; // one whitespace byte ends the header
            if (file.length - start < w * h) {
                return ImportResult.failed(0, "the image is truncated: " + (file.length - start) + " of " + (w * h)
                        + " pixel bytes");
            }
            for (int i = 0; i < w * h; i++) gray[i] = (float) (file[start + i] & 0xff) / max;
        }
        return ImportResult.ok(toInput(gray, w, h, size));
    }

    private static String checkDims(int w, int h, int size) {
        if (size != 16 && size != 28) return "target size must be 16 or 28";
        if (w < 1 || h < 1) return "the image is " + w + " x " + h + " pixels: nothing to use";
        if (w > MAX_SIDE || h > MAX_SIDE) return "the image is " + w + " x " + h + "; the limit is " + MAX_SIDE + " per side";
        return null;
    }

    /** Next ASCII decimal in a PGM header, skipping whitespace and # comments; -1 if there is none. */
    private static int header(byte[] f, int[] pos) {
        int i = pos[0];
        while (i < f.length) {
            if (f[i] == '#') {
                while (i < f.length && f[i] != '\n') i++;
            } else if (f[i] == ' ' || f[i] == '\n' || f[i] == '\r' || f[i] == '\t') {
                i++;
            } else {
                break;
            }
        }
        long v = 0;
        int digits = 0;
        while (i < f.length && f[i] >= '0' && f[i] <= '9' && digits < 7) {
            v = v * 10 + (f[i] - '0');
            i++;
            digits++;
        }
        pos[0] = i;
        return digits == 0 ? -1 : (int) v;
    }

    /** Fits the longer side into the square (keeping aspect), area-averages, inverts a light background. */
    static float[] toInput(float[] gray, int w, int h, int size) {
        double mean = 0;
        for (float g : gray) mean += g;
        mean /= gray.length;
        boolean invert = mean > 0.5;
        float[] out = new float[size * size];
        double scale = (double) Math.max(w, h) / size; // source pixels per target pixel
        double ox = (size * scale - w) / 2, oy = (size * scale - h) / 2;
        for (int ty = 0; ty < size; ty++) {
            for (int tx = 0; tx < size; tx++) {
                double x0 = tx * scale - ox, y0 = ty * scale - oy;
                double sum = 0, area = 0;
                int sx0 = (int) Math.floor(x0), sy0 = (int) Math.floor(y0);
                int sx1 = (int) Math.ceil(x0 + scale), sy1 = (int) Math.ceil(y0 + scale);
                for (int sy = sy0; sy < sy1; sy++) {
                    double cy = Math.min(sy + 1, y0 + scale) - Math.max(sy, y0);
                    for (int sx = sx0; sx < sx1; sx++) {
                        double cx = Math.min(sx + 1, x0 + scale) - Math.max(sx, x0);
                        double a = cx * cy;
                        if (a <= 0) continue;
                        // outside the image is background
                        double v = sx < 0 || sy < 0 || sx >= w || sy >= h ? (invert ? 1 : 0) : gray[sy * w + sx];
                        sum += a * v;
                        area += a;
                    }
                }
                double v = area > 0 ? sum / area : 0;
                out[ty * size + tx] = (float) (invert ? 1 - v : v);
            }
        }
        return out;
    }
}
