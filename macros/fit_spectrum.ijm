// Imports a local NIS spectrum (Nanonis .dat or text), plots both sweeps, fits the forward sweep to the Dynes DOS
// with temperature and a bias offset, and saves the fit plot and the parameter table.
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch fit_spectrum.ijm "in=FILE out=FOLDER"
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
args = getArgument();
in = ""; out = "";
if (args != "") {
	in = substring(args, indexOf(args, "in=") + 3, indexOf(args, " out="));
	out = substring(args, indexOf(args, "out=") + 4);
}
if (in == "") in = File.openDialog("Spectrum");
if (out == "") out = getDirectory("Output folder");
run("Import Spectrum...", "file=[" + in + "] column=");
saveAs("PNG", out + File.separator + "spectrum.png");
run("Fit Dynes Spectrum...", "file=[" + in + "] column= sweep=forward lockin_rms=0 fixed_gamma=-1 fit_offset");
saveAs("PNG", out + File.separator + "dynes_fit.png");
Table.save(out + File.separator + "dynes_parameters.csv", "Fit Dynes Spectrum: parameters");
print("MACRO DONE fit_spectrum");
