// Decomposes a pair of maps measured at +I_s and -I_s into g_s, g_a and then g_ss, g_sa (paper Eqs. 16-19),
// here on the synthetic example maps, and saves every part as TIFF (calibrated, with metadata) and PNG.
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch decompose_pair.ijm OUTDIR   (or Plugins > Macros > Run…)
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
out = getArgument();
if (out == "") out = getDirectory("Choose an output folder");
setBatchMode(true);
run("Example Map...", "supercurrent_ua=10 noise_ns=0.01 seed=1");
plus = getTitle();
run("Example Map...", "supercurrent_ua=-10 noise_ns=0.01 seed=2");
minus = getTitle();
run("Decompose Supercurrent Pair...", "plus_map=" + plus + " minus_map=" + minus + " axis=vinj");
parts = newArray("g_s", "g_a", "g_ss", "g_sa");
for (k = 0; k < parts.length; k++) {
	selectImage(plus + "_" + parts[k]);
	print(parts[k] + ": " + getWidth() + "x" + getHeight());
	saveAs("Tiff", out + File.separator + "pair_" + parts[k] + ".tif");
	saveAs("PNG", out + File.separator + "pair_" + parts[k] + ".png");
}
print("MACRO DONE decompose_pair");
