package descent.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TicksCsvLayoutTest {
    @Test
    void ticksAreRoundAndInside() {
        assertArrayEquals(new double[] {-0.5, 0, 0.5, 1}, Ticks.nice(-0.83, 1.2, 5), 1e-12);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, Ticks.nice(0, 100, 5), 1e-12);
        assertEquals("\u22120.5", Ticks.label(-0.5, Ticks.nice(-0.83, 1.2, 5)));
        assertEquals("40", Ticks.label(40, Ticks.nice(0, 100, 5)));
        assertEquals(0, Ticks.nice(1, 1, 5).length == 1 ? 0 : 1);
        assertEquals(0, Ticks.nice(Double.NaN, 1, 5).length);
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        String s = new Csv().row("x", "label, with comma", "say \"hi\"").row(1.5, 2, Double.NaN).toString();
        assertEquals("x,\"label, with comma\",\"say \"\"hi\"\"\"\n1.5,2,\n", s);
        assertEquals("0.1", Csv.number(0.1f));
        assertEquals("-3", Csv.number(-3));
    }

    @Test
    void networkLayoutFitsAndNodesDoNotOverlap() {
        for (int[] sizes : new int[][] {{2, 4, 2, 1}, {7, 64, 64, 64, 64, 64, 64, 64, 64, 6}, {2, 1}}) {
            for (double width : new double[] {340, 900}) {
                NetworkLayout l = NetworkLayout.of(sizes, width, 600, 40);
                assertTrue(l.height() <= 600 + 1e-9, "fits the height");
                for (int layer = 0; layer < sizes.length; layer++) {
                    assertTrue(l.x(layer) - l.node() / 2 >= 40 && l.x(layer) + l.node() / 2 <= width, "inside, right of the gutter");
                    for (int i = 1; i < sizes[layer]; i++) {
                        assertTrue(l.y(layer, i) - l.y(layer, i - 1) >= l.node(), "nodes overlap");
                    }
                    int[] hit = l.nodeAt(l.x(layer), l.y(layer, sizes[layer] - 1));
                    assertArrayEquals(new int[] {layer, sizes[layer] - 1}, hit);
                }
                assertNull(l.nodeAt((l.x(0) + l.x(1)) / 2, 2));
            }
        }
    }
}
