// Opens a measured map, removes its bias offset (the example's is known: +4 µV; for a map dominated by an even
// part, e.g. a local spectrum, use method=estimate-even instead),
// normalizes it (g / (G_inj*G_det) in Ohm, bias in units of Delta0, both taken from the map's metadata here;
// give g_inj=… g_det=… delta0_ev=… for maps without them) and saves it as TIFF, CSV and PNG.
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch normalize_and_save.ijm "in=FILE out=FOLDER"
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
args = getArgument();
in = ""; out = "";
if (args != "") {
	in = substring(args, indexOf(args, "in=") + 3, indexOf(args, " out="));
	out = substring(args, indexOf(args, "out=") + 4);
}
if (in == "") in = File.openDialog("Map to normalize");
if (out == "") out = getDirectory("Output folder");
setBatchMode(true);
run("Import Map...", "file=[" + in + "] layout=auto retrace=average");
raw = getTitle();
run("Correct Bias Offset...", "map=[" + raw + "] axis=vinj method=given shift=0.004");
shifted = getTitle();
run("Normalize...", "map=[" + shifted + "] conductance=junctions g_inj=0 g_det=0 r_xi=0 bias_in_gap_units delta0_ev=0");
getPixelSize(unit, pw, ph);
print("normalized: " + getWidth() + "x" + getHeight() + " bias unit=" + unit + " step=" + pw);
saveAs("Tiff", out + File.separator + "normalized.tif");
run("Export Map as CSV...", "map=[" + getTitle() + "] csv=[" + out + File.separator + "normalized.csv] csv_layout=long");
saveAs("PNG", out + File.separator + "normalized.png");
print("MACRO DONE normalize_and_save");
