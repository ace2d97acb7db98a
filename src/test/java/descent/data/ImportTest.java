package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportTest {
    static String fails(String csv) {
        ImportResult<Dataset> r = CsvImport.points(csv);
        assertFalse(r.ok(), "should fail: " + csv);
        return r.message();
    }

    @Test
    void goodCsvWithHeaderAndBlankLines() {
        ImportResult<Dataset> r = CsvImport.points("x,y,label\r\n0.5, -1, 0\n\n1e-1,2,2\n3,4,1\n");
        assertTrue(r.ok(), r.message());
        Dataset d = r.value();
        assertEquals(3, d.n);
        assertEquals(3, d.classes);
        assertArrayEquals(new float[] {0.5f, -1, 0.1f, 2, 3, 4}, d.x);
        assertArrayEquals(new int[] {0, 2, 1}, d.labels);
    }

    @Test
    void badCsvNamesTheLineAndTheProblem() {
        assertEquals("the file is empty", fails(""));
        assertEquals("the file is empty", fails("  \n\n"));
        assertEquals("line 2: expected 3 columns (x,y,label), found 2", fails("0,0,0\n1,2\n"));
        assertEquals("line 3: 'abc' in column y is not a number", fails("x,y,label\n0,0,0\n 1,abc,1"));
        assertEquals("line 1: x is NaN; only finite numbers are allowed", fails("NaN,0,1"));
        assertEquals("line 1: y is -Infinity; only finite numbers are allowed", fails("0,-Infinity,1"));
        assertEquals("line 1: label '2.5' is not a whole number from 0 to 9", fails("0,0,2.5"));
        assertEquals("line 1: label '12' is not a whole number from 0 to 9", fails("0,0,12"));
        assertEquals("line 1: column x is empty", fails(",0,1"));
        assertTrue(fails("0,0,0\n\u0000\u0001PNG").startsWith("line 2: contains the control character U+0000"));
        assertEquals("the file has a header but no data rows", fails("x,y,label\n"));
    }

    @Test
    void severalProblemsAreListedUpToALimit() {
        String msg = fails("a,b\n1,2\n1,2,3,4\nx,1,1\n0,0,0\n1,1,z\n1\n1\n1\n1\n");
        String[] lines = msg.split("\n");
        assertEquals(CsvImport.MAX_PROBLEMS, lines.length);
        // line 1 is a header, line 5 is fine
        assertEquals("line 2: expected 3 columns (x,y,label), found 2", lines[0]);
        assertEquals("line 3: expected 3 columns (x,y,label), found 4", lines[1]);
        assertEquals("line 4: 'x' in column x is not a number", lines[2]);
        assertEquals("line 6: label 'z' is not a whole number from 0 to 9", lines[3]);
        assertEquals("line 7: expected 3 columns (x,y,label), found 1", lines[4]);
    }

    @Test
    void rowLimit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < CsvImport.MAX_ROWS; i++) sb.append(i % 7).append(",1,").append(i % 2).append('\n');
        assertTrue(CsvImport.points(sb.toString()).ok());
        sb.append("1,1,1\n");
        assertEquals("line 10001: more than 10000 rows; the limit is 10000", fails(sb.toString()));
    }

    @Test
    void aFailedImportLeavesTheLoadedDataAlone() {
        Dataset loaded = Points2D.classification(Points2D.Kind.XOR, 10, 2, 0, 1);
        Dataset current = loaded;
        ImportResult<Dataset> r = CsvImport.points("1,2\n");
        if (r.ok()) current = r.value();
        assertSame(loaded, current);
    }

    @Test
    void pastedText() {
        assertEquals("a\nb\nc", TextImport.validate("a\r\nb\rc", 100).value());
        assertEquals("the text is empty", TextImport.validate("", 100).message());
        assertEquals("the text contains only whitespace", TextImport.validate(" \n\t", 100).message());
        assertEquals("the text has 101 characters; the limit is 100", TextImport.validate("x".repeat(101), 100).message());
        assertEquals("line 2: contains the control character U+0007: this looks like binary data, not text",
                TextImport.validate("fine\nbell\u0007", 100).message());
        assertTrue(TextImport.validate("caf\uFFFD", 100).message().contains("U+FFFD"));
    }

    @Test
    void imagesFromRgbaAndPgm() {
        // a black 2 x 1 stroke on a white 4 x 4 image becomes white ink on black after inversion
        byte[] rgba = new byte[4 * 4 * 4];
        java.util.Arrays.fill(rgba, (byte) 255);
        for (int i : new int[] {5, 6}) {
            rgba[4 * i] = 0;
            rgba[4 * i + 1] = 0;
            rgba[4 * i + 2] = 0;
        }
        float[] img = ImageImport.fromRgba(rgba, 4, 4, 16).value();
        assertEquals(256, img.length);
        assertEquals(1f, img[5 * 16 + 5], 1e-6, "ink");
        assertEquals(0f, img[0], 1e-6, "background");
        assertFalse(ImageImport.fromRgba(rgba, 4, 5, 16).ok());
        assertEquals("the image is 0 x 3 pixels: nothing to use", ImageImport.fromRgba(new byte[0], 0, 3, 16).message());
        assertTrue(ImageImport.fromRgba(new byte[4], 2000, 1, 28).message().contains("limit is 1024"));

        byte[] pgm = "P2\n# a comment\n2 2\n255\n0 255\n255 0\n".getBytes();
        float[] p = ImageImport.fromPgm(pgm, 16).value();
        assertEquals(256, p.length);
        byte[] head = "P5\n3 3\n255\n".getBytes();
        byte[] truncated = java.util.Arrays.copyOf(head, head.length + 4);
        assertTrue(ImageImport.fromPgm(truncated, 16).message().startsWith("the image is truncated"));
        assertEquals("not a PGM image (it should start with P5 or P2)",
                ImageImport.fromPgm(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 16).message());
        assertEquals("the file is empty", ImageImport.fromPgm(new byte[0], 28).message());
    }
}
