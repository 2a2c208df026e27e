// Overlays a simulated map on a measured one: here the noiseless example map stands in for the simulation of the
// noisy example "measurement". Saves the measured heatmap with the simulation's iso-lines (flattened), the
// residual, and the line cuts.
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch overlay.ijm "in=EXAMPLES_FOLDER out=FOLDER"
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
args = getArgument();
in = ""; out = "";
if (args != "") {
	in = substring(args, indexOf(args, "in=") + 3, indexOf(args, " out="));
	out = substring(args, indexOf(args, "out=") + 4);
}
if (in == "") in = getDirectory("Folder with example_Is+10uA.csv");
if (out == "") out = getDirectory("Output folder");
setBatchMode(true);
run("Import Map...", "file=[" + in + File.separator + "example_Is+10uA.csv] layout=auto retrace=average");
measured = getTitle();
run("Example Map...", "supercurrent_ua=10 noise_ns=0 seed=1");
simulated = getTitle();
run("Overlay Simulated on Measured...", "measured=[" + measured + "] simulated=[" + simulated + "] delta0_ev=0 g_inj=0 g_det=0 r_xi=0 cuts_vdet=[-0.26,0,0.26] levels=8");
selectImage("example_Is+10uA_residual");
saveAs("Tiff", out + File.separator + "overlay_residual.tif");
selectImage("example_Is+10uA_with_simulation_contours");
print("contour overlay elements: " + Overlay.size);
run("Flatten");
saveAs("PNG", out + File.separator + "overlay_contours.png");
print("MACRO DONE overlay");
