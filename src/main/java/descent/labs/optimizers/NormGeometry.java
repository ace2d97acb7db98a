package descent.labs.optimizers;

import descent.optim.Muon;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * Norms and steepest descent. The steepest-descent direction under a norm is the unit vector d that most decreases
 * the linear model, argmax over ‖d‖ ≤ 1 of g·d, stepped against: under ℓ2 it is g/‖g‖₂, under ℓ∞ sign(g) (sign descent),
 * under ℓ1 the single coordinate with the largest |gᵢ| (coordinate descent), under the RMS norm ‖x‖₂/√d the ℓ2 one
 * stretched by √d. How far the step goes is the dual norm of g. For matrices the same question under the spectral norm
 * has the answer UVᵀ from G = UΣVᵀ — every singular value set to 1, Muon's direction — where the Frobenius norm gives
 * G/‖G‖_F.
 */
public final class NormGeometry {
    private NormGeometry() {
    }

    public enum Norm {
        L2("\u2113\u2082"), LINF("\u2113\u221e"), L1("\u2113\u2081"), RMS("RMS");

        public final String label;

        Norm(String label) {
            this.label = label;
        }
    }

    /** ‖x‖ in this norm, for a vector of length d. */
    public static double norm(Norm k, double[] x) {
        double l1 = 0, l2 = 0, inf = 0;
        for (double v : x) {
            l1 += Math.abs(v);
            l2 += v * v;
            inf = Math.max(inf, Math.abs(v));
        }
        return switch (k) {
            case L1 -> l1;
            case L2 -> Math.sqrt(l2);
            case LINF -> inf;
            case RMS -> Math.sqrt(l2 / x.length);
        };
    }

    /** The unit vector (in norm k) most aligned with g: the steepest-descent step is minus this. */
    public static double[] steepest(Norm k, double[] g) {
        int d = g.length;
        double[] out = new double[d];
        double l2 = norm(Norm.L2, g);
        if (l2 == 0) return out;
        switch (k) {
            case L2 -> {
                for (int i = 0; i < d; i++) out[i] = g[i] / l2;
            }
            case RMS -> {
                for (int i = 0; i < d; i++) out[i] = g[i] / l2 * Math.sqrt(d);
            }
            case LINF -> {
                for (int i = 0; i < d; i++) out[i] = Math.signum(g[i]);
            }
            case L1 -> {
                int best = 0;
                for (int i = 1; i < d; i++) if (Math.abs(g[i]) > Math.abs(g[best])) best = i;
                out[best] = Math.signum(g[best]);
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    /** The dual norm ‖g‖* = max over ‖d‖ ≤ 1 of g·d: the decrease of the linear model per unit step. */
    public static double dual(Norm k, double[] g) {
        double[] d = steepest(k, g);
        double s = 0;
        for (int i = 0; i < g.length; i++) s += g[i] * d[i];
        return s;
    }

    /**
     * The SVD of a 2×2 matrix [[a, b], [c, d]] as {σ₁, σ₂, θ_U, θ_V, det sign}: W = R(θ_U) diag(σ₁, σ₂·s) R(θ_V)ᵀ with s
     * = ±1 the sign of det W, so the right singular vectors are (cos θ_V, sin θ_V) and its perpendicular.
     */
    public static double[] svd2(double a, double b, double c, double d) {
        // σ₁,₂ = (√((a+d)² + (c−b)²) ± √((a−d)² + (b+c)²)) / 2 (Blinn's closed form)
        double e = (a + d) / 2, f = (a - d) / 2, g = (c + b) / 2, h = (c - b) / 2;
        double q = Math.hypot(e, h), r = Math.hypot(f, g);
        double s1 = q + r, s2 = q - r;
        double a1 = Math.atan2(g, f), a2 = Math.atan2(h, e);
        double thetaU = (a2 + a1) / 2, thetaV = (a2 - a1) / 2;
        // W = R(θ_U) diag(s1, s2) R(−θ_V) in this form; s2 < 0 encodes a reflection
        return new double[] {s1, Math.abs(s2), thetaU, -thetaV, Math.signum(s2) == 0 ? 1 : Math.signum(s2)};
    }

    /** UVᵀ for a 2×2 matrix: the polar factor, the spectral-norm steepest-descent direction (row-major a b c d). */
    public static double[] polar2(double a, double b, double c, double d) {
        double[] s = svd2(a, b, c, d);
        double cu = Math.cos(s[2]), su = Math.sin(s[2]), cv = Math.cos(s[3]), sv = Math.sin(s[3]);
        double sign = s[4];
        // U diag(1, sign) Vᵀ with U = R(θ_U), V = R(θ_V)
        return new double[] {cu * cv + sign * su * sv, cu * sv - sign * su * cv, su * cv - sign * cu * sv,
                su * sv + sign * cu * cv};
    }

    /** What Muon computes for a 2×2 gradient: the engine's quintic Newton–Schulz iteration, {@code steps} times. */
    public static double[] newtonSchulz2(Backend backend, double[] g, int steps) {
        try (Scope s = Scope.open()) {
            Tensor t = Tensor.of(backend, new float[] {(float) g[0], (float) g[1], (float) g[2], (float) g[3]}, 2, 2);
            float[] o = Muon.newtonSchulz(t, 3.4445f, -4.7750f, 2.0315f, steps).toHost();
            return new double[] {o[0], o[1], o[2], o[3]};
        }
    }

    /**
     * Spectral norm, Frobenius norm and RMS→RMS norm of a random (d_out, d_in) layer with the standard initialisation
     * N(0, 1/d_in): ‖W‖_{RMS→RMS} = max ‖Wx‖_rms / ‖x‖_rms = √(d_in/d_out) ‖W‖₂. Power iteration on WᵀW.
     */
    public static double[] layerNorms(int dOut, int dIn, long seed) {
        Rng rng = new Rng(seed);
        double[] w = new double[dOut * dIn];
        double fro = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.normal() / Math.sqrt(dIn);
            fro += w[i] * w[i];
        }
        double[] v = new double[dIn], u = new double[dOut];
        for (int j = 0; j < dIn; j++) v[j] = rng.normal();
        double sigma = 0;
        for (int it = 0; it < 60; it++) {
            for (int i = 0; i < dOut; i++) {
                double s = 0;
                for (int j = 0; j < dIn; j++) s += w[i * dIn + j] * v[j];
                u[i] = s;
            }
            double nu = 0;
            for (double x : u) nu += x * x;
            nu = Math.sqrt(nu);
            if (nu == 0) break;
            for (int i = 0; i < dOut; i++) u[i] /= nu;
            double nv = 0;
            for (int j = 0; j < dIn; j++) {
                double s = 0;
                for (int i = 0; i < dOut; i++) s += w[i * dIn + j] * u[i];
                v[j] = s;
                nv += s * s;
            }
            nv = Math.sqrt(nv);
            sigma = nv;
            for (int j = 0; j < dIn; j++) v[j] /= nv;
        }
        return new double[] {sigma, Math.sqrt(fro), Math.sqrt((double) dIn / dOut) * sigma};
    }
}
