package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.nn.Activation;
import descent.nn.Metrics;
import descent.nn.Mlp;
import descent.optim.Adam;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    @Test
    void everyTwoDimensionalKindIsSeededBalancedAndBounded() {
        for (Points2D.Kind kind : Points2D.Kind.values()) {
            Dataset a = Points2D.classification(kind, 300, 3, 0.05, 11);
            Dataset b = Points2D.classification(kind, 300, 3, 0.05, 11);
            assertArrayEquals(a.x, b.x, kind + " is reproducible");
            assertTrue(!java.util.Arrays.equals(a.x, Points2D.classification(kind, 300, 3, 0.05, 12).x));
            int[] count = new int[a.classes];
            for (int y : a.labels) count[y]++;
            for (int c : count) assertEquals(300 / a.classes, c, 1, kind + " is balanced");
            for (float v : a.x) assertTrue(Math.abs(v) < 1.4f, kind + " stays near the unit square");
        }
        assertEquals(5, Points2D.classification(Points2D.Kind.SPIRAL, 100, 5, 0, 1).classes);
    }

    @Test
    void pinnedFirstPoint() {
        // the browser build must draw the same first spiral point for seed 7
        Dataset s = Points2D.classification(Points2D.Kind.SPIRAL, 10, 3, 0.1, 7);
        assertEquals(PINNED_X, s.x[0], 0f);
        assertEquals(PINNED_Y, s.x[1], 0f);
    }

    static final float PINNED_X = 0.05218004f, PINNED_Y = 0.74957556f;

    @Test
    void splitKeepsEveryRowOnce() {
        Dataset d = Points2D.classification(Points2D.Kind.MOONS, 200, 2, 0.1, 3);
        Dataset[] s = d.split(0.25, 5);
        assertEquals(150, s[0].n);
        assertEquals(50, s[1].n);
        double sum = 0, sumSplit = 0;
        for (float v : d.x) sum += v;
        for (Dataset part : s) for (float v : part.x) sumSplit += v;
        assertEquals(sum, sumSplit, 1e-3);
    }

    @Test
    void regressionAndDensities() {
        Dataset plane = Points2D.regression(Points2D.Surface.PLANE, 50, 0, 1);
        for (int i = 0; i < 50; i++) {
            assertEquals(0.6 * plane.x[2 * i] - 0.4 * plane.x[2 * i + 1], plane.targets[i], 1e-6);
        }
        for (Points2D.Density kind : Points2D.Density.values()) {
            Dataset d = Points2D.density(kind, 500, 0.01, 2);
            assertEquals(500, d.n);
            for (float v : d.x) assertTrue(Math.abs(v) < 1.3f, kind + " in range");
        }
    }

    @Test
    void sinusoidTasks() {
        Sinusoids s = new Sinusoids(4);
        Sinusoids.Task t = s.nextTask();
        assertTrue(t.amplitude >= 0.1 && t.amplitude <= 5 && t.phase >= 0 && t.phase <= Math.PI);
        Dataset k = s.sample(t, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(t.amplitude * Math.sin(k.x[i] - t.phase), k.targets[i], 1e-5);
            assertTrue(k.x[i] >= -5 && k.x[i] <= 5);
        }
    }

    @Test
    void imagesLookLikeTheirLabels() {
        Dataset digits = TinyImages.digits(20, 28, 0, 3);
        assertEquals(28 * 28, digits.d);
        String one = TinyImages.ascii(digits, 1), eight = TinyImages.ascii(digits, 8);
        assertTrue(ink(one) < ink(eight), "a one has less ink than an eight:\n" + one + "\n" + eight);
        String zero = TinyImages.ascii(digits, 0);
        assertEquals('.', zero.charAt(14 * 29 + 14), "a zero has a hole in the middle:\n" + zero);
        Dataset shapes = TinyImages.shapes(10, 16, 0.05, 1);
        assertEquals(5, shapes.classes);
        for (float v : shapes.x) assertTrue(v >= 0 && v <= 1);
        assertArrayEquals(digits.x, TinyImages.digits(20, 28, 0, 3).x);
    }

    static int ink(String picture) {
        int n = 0;
        for (int i = 0; i < picture.length(); i++) if (picture.charAt(i) == '#') n++;
        return n;
    }

    /** The generated digits carry their labels: a small MLP learns them from 16 x 16 images. */
    @Test
    void digitsAreLearnable() {
        Backend be = new CpuBackend();
        Dataset[] split = TinyImages.digits(1200, 16, 0.05, 8).split(0.2, 1);
        Mlp mlp = new Mlp(be, new Rng(1), new Mlp.Config().sizes(256, 64, 10).activation(Activation.RELU));
        Adam adam = new Adam(mlp.parameters(), 3e-3f);
        Batcher batches = new Batcher(split[0], 64, 2);
        for (int step = 0; step < 400; step++) {
            try (Scope s = Scope.open()) {
                Tensor[] b = batches.next(be);
                Tensor loss = Losses.crossEntropy(mlp.forward(b[0]), b[1]);
                adam.zeroGrad();
                loss.backward();
                adam.step();
            }
        }
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            double acc = Metrics.accuracy(mlp.forward(split[1].inputs(be)), split[1].labels);
            assertTrue(acc > 0.9, "digit test accuracy " + acc);
        }
    }

    @Test
    void sequenceTasksAreWhatTheySay() {
        SequenceTask copy = SequenceTask.listTask(SequenceTask.Kind.COPY, 5, 4, 10, 1);
        SequenceTask rev = SequenceTask.listTask(SequenceTask.Kind.REVERSE, 5, 4, 10, 1);
        SequenceTask sort = SequenceTask.listTask(SequenceTask.Kind.SORT, 5, 4, 10, 1);
        assertEquals(8, copy.t);
        for (int i = 0; i < 5; i++) {
            int[] a = java.util.Arrays.copyOfRange(copy.inputs, i * 8, i * 8 + 4);
            assertEquals(0, copy.inputs[i * 8 + 4], "separator");
            int[] answer = java.util.Arrays.copyOfRange(copy.targets, i * 8 + 4, i * 8 + 8);
            assertArrayEquals(a, answer);
            int[] r = java.util.Arrays.copyOfRange(rev.targets, i * 8 + 4, i * 8 + 8);
            for (int j = 0; j < 4; j++) assertEquals(a[3 - j], r[j]);
            int[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            assertArrayEquals(sorted, java.util.Arrays.copyOfRange(sort.targets, i * 8 + 4, i * 8 + 8));
        }
        SequenceTask add = SequenceTask.modularAddition(7, 1.0, 2);
        assertEquals(49, add.n);
        for (int i = 0; i < add.n; i++) {
            assertEquals((add.inputs[i * 3] + add.inputs[i * 3 + 1]) % 7, add.targets[i * 3 + 2]);
        }
        SequenceTask recall = SequenceTask.associativeRecall(20, 3, 6, 4, 3);
        for (int i = 0; i < 20; i++) {
            int base = i * recall.t, q = recall.inputs[base + 6], answer = recall.targets[base + 6];
            boolean found = false;
            for (int p = 0; p < 3; p++) found |= recall.inputs[base + 2 * p] == q && recall.inputs[base + 2 * p + 1] == answer;
            assertTrue(found, "the answer is the value stored with the query key");
        }
    }

    @Test
    void textCorpusAndVocabulary() {
        String text = TextCorpus.generate(2000, 5);
        assertEquals(text, TextCorpus.generate(2000, 5));
        assertTrue(text.length() >= 2000);
        assertTrue(text.contains(".\n"));
        CharVocab vocab = new CharVocab(text);
        assertTrue(vocab.size() < 40);
        assertEquals(text, vocab.decode(vocab.encode(text)));
        for (String line : text.split("\n")) {
            assertTrue(line.endsWith(".") || line.endsWith("!"), "sentence: " + line);
        }
    }
}
