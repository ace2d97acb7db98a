package descent.labs.generative;

import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Preset;
import java.util.ArrayList;
import java.util.List;

/** The lab's sections, knobs and guided experiments: one table the shell turns into controls and the URL. */
public final class GenerativeSpec {
    private GenerativeSpec() {}

    public static final List<String> SECTIONS = List.of("points", "images", "flow", "gan", "vae");
    public static final List<String> SECTION_TITLES = List.of("Diffusion \u00b7 2-D", "Diffusion \u00b7 images",
            "Flow matching", "GAN", "VAE");

    static final List<String> DATA = List.of("gaussians", "swiss", "moons", "checker", "drawn");
    static final List<String> DATA_TITLES = List.of("Mixture of 8 Gaussians", "Swiss roll", "Two moons",
            "Checkerboard", "Your drawing");

    public static final LabSpec SPEC = new LabSpec("generative", "Generative models: diffusion, flows, GANs, VAEs",
            "Weeks 12\u201314 \u00b7 generative models",
            "Train a diffusion model, a flow, a GAN and a VAE live, then step the sampler one step at a time and "
                    + "watch noise turn into data.", knobs(), presets());

    static List<Knob> knobs() {
        List<Knob> k = new ArrayList<>();
        k.add(Knob.choice("section", "Section", "points", SECTIONS, SECTION_TITLES).in("section").live());
        // data: shared by the 2-D sections, or the image set of the image sections
        k.add(Knob.choice("data", "2-D data", "gaussians", DATA, DATA_TITLES).in("data")
                .withHelp("\u201cYour drawing\u201d uses the points you tap onto the data plot."));
        // the drawing lives in the URL but is edited on the plot, not in the panel
        k.add(Knob.text("points", "Drawn points", "", 2600).in("data").internal());
        k.add(Knob.choice("images", "Images", "digits", List.of("digits", "shapes"),
                List.of("Digits 0\u20139 (16\u00d716)", "Shapes (16\u00d716)")).in("image data"));
        // diffusion
        k.add(Knob.choice("schedule", "Noise schedule", "linear", List.of("linear", "cosine"),
                List.of("Linear \u03b2 (Ho et al.)", "Cosine \u1fb1 (Nichol & Dhariwal)")).in("diffusion"));
        k.add(Knob.choice("predict", "Network predicts", "eps", List.of("eps", "x0", "v"),
                List.of("Noise \u03b5", "Clean data x\u2080", "Velocity v")).in("diffusion"));
        k.add(Knob.choice("sampler", "Sampler", "ddpm", List.of("ddpm", "ddim"), List.of("DDPM (ancestral)", "DDIM"))
                .in("sampling").live());
        k.add(Knob.number("eta", "DDIM \u03b7", 0, 0, 1, false).in("sampling").live()
                .withHelp("0: deterministic (an ODE); 1: as noisy as DDPM."));
        k.add(Knob.integer("sample_steps", "Sampling steps", 100, 1, 1000).in("sampling").live()
                .withHelp("How many of the 1000 noise levels the sampler visits."));
        k.add(Knob.integer("particles", "Particles", 500, 50, 2000).in("sampling").live());
        // flow
        k.add(Knob.choice("solver", "ODE solver", "euler", List.of("euler", "heun"),
                List.of("Euler (1 evaluation per step)", "Heun (2 evaluations per step)")).in("flow sampling").live());
        k.add(Knob.integer("flow_steps", "Solver steps", 20, 1, 100).in("flow sampling").live());
        // the 2-D networks of diffusion and flow matching
        k.add(Knob.integer("width", "Hidden units", 64, 16, 256).in("network")
                .withHelp("Three hidden layers of this width, SiLU."));
        k.add(Knob.number("lr", "Learning rate", 2e-3, 1e-5, 0.1, true).in("network").live());
        k.add(Knob.integer("batch", "Batch size", 256, 16, 1024).in("network"));
        // image diffusion
        k.add(Knob.integer("channels", "U-Net channels", 8, 4, 32).in("U-Net")
                .withHelp("Channels of the first level; the second has twice as many."));
        k.add(Knob.number("img_lr", "Learning rate", 1e-3, 1e-5, 0.1, true).in("U-Net").live());
        k.add(Knob.integer("img_batch", "Batch size", 16, 4, 128).in("U-Net"));
        // GAN
        k.add(Knob.choice("g_opt", "Generator optimizer", "adam", List.of("sgd", "adam"), List.of("SGD", "Adam"))
                .in("generator"));
        k.add(Knob.number("g_lr", "Generator learning rate", 1e-3, 1e-5, 1, true).in("generator").live());
        k.add(Knob.choice("d_opt", "Discriminator optimizer", "adam", List.of("sgd", "adam"), List.of("SGD", "Adam"))
                .in("discriminator"));
        k.add(Knob.number("d_lr", "Discriminator learning rate", 1e-3, 1e-5, 1, true).in("discriminator").live());
        k.add(Knob.integer("d_steps", "D steps per G step", 1, 1, 10).in("discriminator").live());
        k.add(Knob.choice("gan_loss", "Loss", "log", List.of("log", "lsq"),
                List.of("Log loss (non-saturating)", "Least squares")).in("both networks"));
        k.add(Knob.integer("gan_width", "Hidden units (both nets)", 64, 8, 256).in("both networks"));
        // VAE
        k.add(Knob.number("beta", "\u03b2 (weight of KL)", 1, 0, 8, false).in("VAE").live()
                .withHelp("1 is the ELBO; more pulls the codes toward N(0, I)."));
        k.add(Knob.number("vae_lr", "Learning rate", 2e-3, 1e-5, 0.1, true).in("VAE").live());
        k.add(Knob.integer("vae_width", "Hidden units", 128, 16, 512).in("VAE"));
        k.add(Knob.integer("pair_a", "Interpolate from test image", 0, 0, VaeExperiment.TEST - 1).in("VAE").live());
        k.add(Knob.integer("pair_b", "\u2026 to test image", 3, 0, VaeExperiment.TEST - 1).in("VAE").live());
        k.add(Knob.seed());
        return k;
    }

    /** Which section a knob belongs to ("all" for shared ones); the panel shows only the current section's. */
    static boolean shows(String knob, String section) {
        boolean twoD = section.equals("points") || section.equals("flow") || section.equals("gan");
        boolean img = section.equals("images") || section.equals("vae");
        return switch (knob) {
            case "section", "seed" -> true;
            case "data", "points" -> twoD;
            case "images" -> img;
            case "schedule", "predict", "sampler", "eta", "sample_steps" -> section.equals("points")
                    || section.equals("images");
            case "particles" -> section.equals("points") || section.equals("flow");
            case "solver", "flow_steps" -> section.equals("flow");
            case "width", "lr", "batch" -> section.equals("points") || section.equals("flow");
            case "channels", "img_lr", "img_batch" -> section.equals("images");
            case "g_opt", "g_lr", "d_opt", "d_lr", "d_steps", "gan_loss", "gan_width" -> section.equals("gan");
            default -> section.equals("vae");
        };
    }

    static List<Preset> presets() {
        return List.of(
                new Preset("Step through DDPM", "Pause, then tap \u201cStep\u201d on the sampler: each tap is one "
                        + "reverse step, and the cloud of noise contracts onto the eight modes.",
                        "section=points&sampler=ddpm&sample_steps=50"),
                new Preset("DDIM is deterministic", "With \u03b7 = 0 the trajectories are smooth curves: "
                        + "\u201cNew noise\u201d with the same seed retraces them exactly.",
                        "section=points&sampler=ddim&eta=0&sample_steps=25"),
                new Preset("Cosine schedule", "\u1fb1 falls more slowly: the forward slider keeps structure "
                        + "visible much longer than with the linear schedule.", "section=points&schedule=cosine"),
                new Preset("Flow in one step", "One Euler step lands samples between the modes: the learned paths "
                        + "curve, so their straight-line shortcut misses.", "section=flow&flow_steps=1"),
                new Preset("GAN mode collapse", "A fast generator against a slow discriminator: the fakes crowd "
                        + "onto one or two modes and hop between them.", "section=gan&g_lr=0.003&d_lr=0.0001"),
                new Preset("VAE with \u03b2 = 4", "The codes are pulled to the prior: reconstructions blur and the "
                        + "decoder grid turns smooth.", "section=vae&beta=4"),
                new Preset("Diffuse digits", "A small U-Net learns 16\u00d716 digits; watch x\u2080\u0302 sharpen "
                        + "step by step while x_t is still mostly noise.", "section=images&images=digits"));
    }
}
