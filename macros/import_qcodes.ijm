// Imports one run of a QCoDeS database (the measured dependent against its two setpoints, outer loop as y) and, when
// the x axis spans both signs of the bias, decomposes it into its even and odd parts in V_inj (g_ss, g_sa).
// Saves the imported map and the parts as TIFF. The database is only read (opened immutable: no -wal/-shm files).
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch import_qcodes.ijm "in=FILE.db run=ID out=FOLDER"   (run= may be empty)
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
//        or run it from Plugins > Macros > Run… and choose the file.
args = getArgument();
in = ""; runId = ""; out = "";
if (args != "") {
	in = substring(args, indexOf(args, "in=") + 3, indexOf(args, " run="));
	runId = substring(args, indexOf(args, "run=") + 4, indexOf(args, " out="));
	out = substring(args, indexOf(args, "out=") + 4);
}
if (in == "") in = File.openDialog("QCoDeS database");
if (out == "") out = getDirectory("Output folder");
setBatchMode(true);
run("Import Map...", "file=[" + in + "] run=[" + runId + "] layout=auto retrace=average");
map = getTitle();
getPixelSize(unit, pw, ph);
info = getImageInfo();
runLine = substring(info, indexOf(info, "qcodes_run_id="), indexOf(info, "\n", indexOf(info, "qcodes_run_id=")));
print("imported " + runLine + ": " + getWidth() + "x" + getHeight() + " unit=" + unit + " pw=" + pw + " ph=" + ph);
saveAs("Tiff", out + File.separator + "qcodes_map.tif");
rename(map);
// the x axis from calibration: pixel 0 and the last pixel
x0 = 0; y0 = 0; toScaled(x0, y0);
x1 = getWidth() - 1; y1 = 0; toScaled(x1, y1);
if (x0 < 0 && x1 > 0) {
	run("Decompose by Symmetry...", "map=[" + map + "] axis=vinj");
	base = replace(map, "\\.[a-z]+$", "");
	parts = newArray("g_ss", "g_sa");
	for (p = 0; p < parts.length; p++) {
		selectImage(base + "_" + parts[p]);
		saveAs("Tiff", out + File.separator + "qcodes_" + parts[p] + ".tif");
		print("saved qcodes_" + parts[p] + ".tif: " + getWidth() + "x" + getHeight());
	}
} else
	print("x runs " + x0 + " … " + x1 + " " + unit + ": not symmetric about 0, not decomposed");
close("*");
print("MACRO DONE import_qcodes");
