package descent.labs.generative;

import descent.data.Dataset;
import descent.data.TinyImages;

/** The tiny-image sets the image models learn: the engine's 16×16 stroke-drawn digits or geometric shapes. */
public enum ImageSet {
    DIGITS, SHAPES;

    public static final int SIZE = 16, PIXELS = SIZE * SIZE;

    /** n images (N, 256) with values in [0, 1] and class labels. */
    public Dataset load(int n, long seed) {
        return this == DIGITS ? TinyImages.digits(n, SIZE, 0.02, seed) : TinyImages.shapes(n, SIZE, 0.02, seed);
    }

    /** Class names, for legends. */
    public String[] classNames() {
        if (this == SHAPES) return TinyImages.SHAPES.clone();
        String[] d = new String[10];
        for (int i = 0; i < 10; i++) d[i] = Integer.toString(i);
        return d;
    }
}
