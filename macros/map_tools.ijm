// Tour of Plugins > NIS Nonlocal > Map Tools on the example maps: crop to a bias window, derivative along V_inj,
// background removal, a line-cut family stacked like the paper's Fig. 12a, sweep averaging with an error map, and
// the symmetric diverging display. Every result is saved (TIFF keeps calibration and the operation history).
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch map_tools.ijm "in=EXAMPLES_FOLDER out=FOLDER"
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
plus = getTitle();
run("Crop to Bias Window...", "map=[" + plus + "] vinj_min=0 vinj_max=0.5 vdet_min=-0.1 vdet_max=NaN");
saveAs("Tiff", out + File.separator + "tools_crop.tif");
run("Derivative...", "map=[" + plus + "] axis=vinj window=5 order=2");
saveAs("Tiff", out + File.separator + "tools_derivative.tif");
run("Remove Background...", "map=[" + plus + "] mode=row-median degree=2 along=vinj");
selectImage("example_Is+10uA_corrected");
saveAs("Tiff", out + File.separator + "tools_corrected.tif");
selectImage("example_Is+10uA_background");
saveAs("Tiff", out + File.separator + "tools_background.tif");
run("Line-Cut Family...", "map=[" + plus + "] cut_axis=vdet values=[-0.27,-0.13,0,0.13,0.27] every=5 spacing=0.5");
saveAs("PNG", out + File.separator + "tools_cuts.png");
Table.save(out + File.separator + "tools_cuts.csv", "Line-Cut Family: cuts");
run("Import Map...", "file=[" + in + File.separator + "example_Is-10uA.csv] layout=auto retrace=average");
minus = getTitle();
run("Average Sweeps...", "titles=[" + plus + "," + minus + "]");
selectImage("example_Is+10uA_mean");
saveAs("Tiff", out + File.separator + "tools_mean.tif");
selectImage("example_Is+10uA_error");
saveAs("Tiff", out + File.separator + "tools_error.tif");
selectImage(plus);
run("Symmetric Display...", "map=[" + plus + "] lut=diverging percentile=99 calibration_bar");
getMinAndMax(lo, hi);
print("display range " + lo + " " + hi);
selectImage(plus + " with bar"); // the map with bias axes and its colour bar beside it
saveAs("PNG", out + File.separator + "tools_display.png");
print("MACRO DONE map_tools");
