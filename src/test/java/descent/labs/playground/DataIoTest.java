package descent.labs.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.labs.playground.PointCodec.Points;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataIoTest {
    @Test
    void badRowsAreReportedLineByLine() {
        String csv = "x,y,label\n0.1,0.2,0\n0.3,abc,1\n\n0.5,0.5\n0.1,0.1,9\n# a comment\n0.2,0.2,1\n";
        PointsCsv.Result r = PointsCsv.parse(csv, false);
        assertFalse(r.ok());
        assertEquals(List.of("line 3: y \u201cabc\u201d is not a number.",
                "line 5: expected 3 values (x,y,label), found 2.",
                "line 6: class 9 is outside 0\u20135 (the lab shows up to 6 classes)."), r.problems());
    }

    @Test
    void aGoodFileImportsWithHeaderAndPlusMinusLabels() {
        PointsCsv.Result r = PointsCsv.parse("x1,x2,y\r\n0.5,-0.25,1\r\n-0.5,0.25,-1\r\n", false);
        assertTrue(r.ok(), r.problems().toString());
        assertArrayEquals(new int[] {1, 0}, r.points().labels());
        assertEquals(0.5, r.points().xy()[0], 1e-3);
        assertTrue(r.notes().get(0).contains("\u22121 and 1"));
    }

    @Test
    void realLabelsMakeARegressionSetAndFarPointsAreScaled() {
        PointsCsv.Result r = PointsCsv.parse("0,0,0.5\n100,50,-0.25\n50,25,0.1\n", false);
        assertTrue(r.ok());
        assertTrue(r.points().regression());
        float[] xy = r.points().xy();
        assertEquals(-1, xy[0], 1e-3);
        assertEquals(1, xy[2], 1e-3);
        assertEquals(-0.5, xy[1], 1e-3, "one scale for both axes keeps the shape");
        assertTrue(r.notes().get(0).contains("scaled"));
    }

    @Test
    void tooManyRowsAndEmptyFilesAreRefused() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= PlaygroundSpec.MAX_CUSTOM_POINTS; i++) {
            sb.append("0.1,0.1,").append(i % 2).append('\n');
        }
        assertFalse(PointsCsv.parse(sb.toString(), false).ok());
        assertFalse(PointsCsv.parse("   \n", false).ok());
        assertFalse(PointsCsv.parse("x,y,label\n", false).ok());
        PointsCsv.Result many = PointsCsv.parse("a,b,c\n1,2\n1,2\n1,2\n1,2\n1,2\n1,2\n1,2\n1,2\n1,2\n1,2\n", false);
        assertEquals(PointsCsv.MAX_LISTED + 1, many.problems().size());
        assertTrue(many.problems().get(PointsCsv.MAX_LISTED).contains("2 more bad rows"));
    }

    @Test
    void pointsRoundTripThroughTheUrlExactly() {
        Points p = PointsCsv.parse("0.1234,-0.9,2\n1.4,1.4,0\n-1.5,0,5\n", false).points();
        String s = PointCodec.encode(p);
        assertEquals(PointCodec.maxChars(3), s.length());
        Points back = PointCodec.decode(s);
        assertArrayEquals(p.xy(), back.xy());
        assertArrayEquals(p.labels(), back.labels());
        assertEquals(s, PointCodec.encode(back));
        Points reg = PointsCsv.parse("0,0,0.37\n0.5,0.5,-1.2\n", true).points();
        assertArrayEquals(reg.targets(), PointCodec.decode(PointCodec.encode(reg)).targets());
    }

    @Test
    void damagedPackingsAreRejected() {
        assertNull(PointCodec.decode("x"));
        assertNull(PointCodec.decode("cAAAA"));
        assertNull(PointCodec.decode("cAAAA!A"));
        assertNull(PointCodec.decode("cAAAAAAA"), "not a whole number of points");
        assertNull(PointCodec.decode("cAAAAAH"), "class 7");
    }

    @Test
    void exportReadsBackAsTheSameData() {
        PlaygroundExperiment ex = new PlaygroundExperiment(MlpKernelTest.params("data=gaussians&classes=3&n=60"));
        String csv = PointsCsv.format(ex.currentPoints(), null);
        PointsCsv.Result back = PointsCsv.parse(csv, false);
        assertTrue(back.ok(), back.problems().toString());
        assertEquals(60, back.points().size());
        assertArrayEquals(ex.currentPoints().labels(), back.points().labels());
    }

    @Test
    void customPointsSplitStablyWhenOneIsAdded() {
        Points p = PointsCsv.parse("0,0,0\n0.1,0,1\n0.2,0,0\n0.3,0,1\n0.4,0,0\n0.5,0,1\n", false).points();
        PlaygroundData a = PlaygroundData.of(p, 2, new Features[] {Features.X1, Features.X2}, 0.5, 1);
        Points more = PointsCsv.parse(PointsCsv.format(p, null) + "0.6,0,0\n", false).points();
        PlaygroundData b = PlaygroundData.of(more, 2, new Features[] {Features.X1, Features.X2}, 0.5, 1);
        for (int i = 0; i < 6; i++) {
            assertEquals(a.isTest[i], b.isTest[i]);
        }
    }
}
