// Makes the synthetic example map at +10 µA, checks its calibration and saves it as TIFF and PNG.
// Usage: run from Plugins > Macros > Run…, or headless: timeout 300 java -jar ij.jar -ijpath APP -batch example_map.ijm OUTDIR
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
out = getArgument();
if (out == "") out = getDirectory("Choose an output folder");
run("Example Map...", "supercurrent_ua=10 noise_ns=0.01 seed=1");
getPixelSize(unit, pw, ph);
print("example map: " + getWidth() + "x" + getHeight() + " unit=" + unit + " pw=" + pw + " ph=" + ph);
saveAs("Tiff", out + File.separator + "example_Is+10uA.tif");
saveAs("PNG", out + File.separator + "example_Is+10uA.png");
print("MACRO DONE example_map");
