package descent.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.CpuBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parity harness itself, CPU against CPU: every case runs, agrees exactly, and leaves no buffer behind. */
class ParityTest {
    @Test
    void everyCaseRunsAndTheCpuAgreesWithItself() {
        CpuBackend a = new CpuBackend();
        CpuBackend b = new CpuBackend();
        List<Parity.Result> results = Parity.runAll(a, b, false);
        assertTrue(results.size() > 200, "cases: " + results.size());
        for (Parity.Result r : results) {
            assertTrue(r.passed(), r.name() + ": " + r.error() + " " + r.note());
            assertEquals(0.0, r.error(), r.name());
        }
    }

    @Test
    void aWrongKernelIsCaught() {
        Parity.Case c = new Parity.Case("deliberately off", 1e-4, in -> {
            var x = in.rand(17);
            var y = in.zeros(17);
            in.be.unary(in.be == first ? descent.tensor.Unary.TANH : descent.tensor.Unary.SIGMOID, 0f, x, y, 17);
            return new descent.tensor.Buffer[] {y};
        });
        Parity.Result r = Parity.run(c, first, new CpuBackend(), 3);
        assertTrue(!r.passed(), "error " + r.error());
    }

    private final CpuBackend first = new CpuBackend();
}
