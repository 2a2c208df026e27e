// Imports every map in a folder (text .csv/.txt/.dat or the plugin's .tif; the folder should hold maps only, sidecars
// .meta and .params.txt are skipped) and decomposes each into its even and odd parts in V_inj (g_ss, g_sa), saving
// both as TIFF and CSV next to each other in an output folder.
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch decompose_folder.ijm "in=FOLDER out=FOLDER"
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
//        or run it from Plugins > Macros > Run… and choose the folders.
args = getArgument();
in = ""; out = "";
if (args != "") {
	in = substring(args, indexOf(args, "in=") + 3, indexOf(args, " out="));
	out = substring(args, indexOf(args, "out=") + 4);
}
if (in == "") in = getDirectory("Folder with maps");
if (out == "") out = getDirectory("Output folder");
setBatchMode(true);
files = getFileList(in);
n = 0;
for (k = 0; k < files.length; k++) {
	f = files[k];
	if (!(endsWith(f, ".csv") || endsWith(f, ".txt") || endsWith(f, ".dat") || endsWith(f, ".tif"))) continue;
	if (endsWith(f, ".params.txt")) continue; // a synthetic map's parameter list, not a map
	run("Import Map...", "file=[" + in + File.separator + f + "] layout=auto retrace=average");
	map = getTitle();
	run("Decompose by Symmetry...", "map=[" + map + "] axis=vinj");
	base = replace(map, "\\.[a-z]+$", "");
	parts = newArray("g_ss", "g_sa");
	for (p = 0; p < parts.length; p++) {
		selectImage(base + "_" + parts[p]);
		saveAs("Tiff", out + File.separator + base + "_" + parts[p] + ".tif");
		run("Export Map as CSV...", "map=[" + getTitle() + "] csv=[" + out + File.separator + base + "_" + parts[p] + ".csv] csv_layout=long");
	}
	print("decomposed " + f + ": " + getWidth() + "x" + getHeight());
	n++;
	close("*");
}
print("decomposed " + n + " maps");
print("MACRO DONE decompose_folder");
