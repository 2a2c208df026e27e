// From a measured g_sa map to γ_ee with an honest error bar, on the synthetic example (examples/README.md):
// 1. Dynes fit of the injector's local spectrum → Δ0, Γ, T_inj and the bias offset V0;
// 2. the device numbers (S Table 1 wire) with that Δ0 → κ_I, L/ξ, t_bath;
// 3. the offset removed from the map; the energy-mode model simulated with those parameters;
// 4. simulation overlaid on the measurement (contours, residual, cuts);
// 5. γ_ee fitted (χ² profile, profile-likelihood interval); everything saved to the output folder.
// Usage: timeout 900 java -jar ij.jar -ijpath APP -batch fit_model_to_map.ijm "in=EXAMPLES_FOLDER out=FOLDER"
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
args = getArgument();
in = ""; out = "";
if (args != "") {
	in = substring(args, indexOf(args, "in=") + 3, indexOf(args, " out="));
	out = substring(args, indexOf(args, "out=") + 4);
}
if (in == "") in = getDirectory("Folder with synthetic_gsa.csv and synthetic_injector_spectrum.csv");
if (out == "") out = getDirectory("Output folder");
setBatchMode(true);

// the "value" of the row whose name column ("parameter" or "name") is the given name
function value(table, name) {
	col = "name";
	if (Table.columnExists("parameter", table)) col = "parameter";
	for (i = 0; i < Table.size(table); i++)
		if (Table.getString(col, i, table) == name)
			return Table.get("value", i, table);
	exit("no row '" + name + "' in " + table);
}

// 1. local spectrum of the injector
run("Fit Dynes Spectrum...", "file=[" + in + File.separator + "synthetic_injector_spectrum.csv] column= sweep=forward lockin_rms=0 fixed_gamma=-1 fit_offset");
saveAs("PNG", out + File.separator + "dynes_fit.png");
dynes = "Fit Dynes Spectrum: parameters";
Table.save(out + File.separator + "dynes_parameters.csv", dynes);
delta = value(dynes, "Delta");
gammaRel = value(dynes, "Gamma") / delta;
tInj = 8.617333262e-5 * value(dynes, "T_e") / delta;
offsetMv = 1000 * value(dynes, "V0");
print("Dynes fit: Delta0 = " + d2s(delta * 1e6, 2) + " ueV, Gamma/Delta0 = " + d2s(gammaRel, 5) + ", t_inj = " + d2s(tInj, 5) + ", V0 = " + d2s(offsetMv * 1000, 3) + " uV");

// 2. device numbers of the wire with the fitted gap
run("Device Numbers...", "resistance=1450 length=1.1e-5 diffusion=0.00169 delta0=" + delta + " temperature=0.024 gamma_ee=2e-4 ginj=2.46e-5");
device = "Device Numbers: numbers";
Table.save(out + File.separator + "device.csv", device);
kappa = value(device, "kappa");
lengthXi = value(device, "length_in_xi");
tBath = value(device, "t");
print("device: kappa = " + kappa + ", L = " + d2s(lengthXi, 2) + " xi, t_bath = " + d2s(tBath, 5));

// 3. the measured map, offset removed; the model with these parameters
run("Import Map...", "file=[" + in + File.separator + "synthetic_gsa.csv] layout=auto retrace=average");
imported = getTitle();
run("Correct Bias Offset...", "map=[" + imported + "] axis=vinj method=given shift=" + offsetMv);
measured = getTitle();
saveAs("Tiff", out + File.separator + "measured_offset_corrected.tif");
measured = getTitle();
model = "gamma=" + gammaRel + " kappa=" + kappa + " length=" + lengthXi + " t_inj=" + tInj + " t_det=0.012 t_bath=" + tBath;
run("Energy Mode (g_sa)...", "gamma_ee=2e-4 de=0.00625 " + model + " vinj_to=5 vinj_step=0.1 vdet_max=2 vdet_step=0.05");
simulated = "g_sa_energy_mode";

// 4. overlay (the map's metadata has G_inj, G_det, R_xi; Δ0 from the Dynes fit)
run("Overlay Simulated on Measured...", "measured=[" + measured + "] simulated=[" + simulated + "] delta0_ev=" + delta + " g_inj=0 g_det=0 r_xi=0 cuts_vdet=[-0.4,0.4] levels=8");
selectImage(replace(measured, ".tif", "") + "_residual");
saveAs("Tiff", out + File.separator + "overlay_residual.tif");
selectImage(replace(measured, ".tif", "") + "_with_simulation_contours");
run("Flatten");
// the map has 101 × 41 pixels: enlarge the flattened picture (pixels replicated) so the saved PNG can be read
run("Scale...", "x=6 y=6 interpolation=None create title=overlay_contours");
saveAs("PNG", out + File.separator + "overlay_contours.png");

// 5. fit gamma_ee over eV_inj >= 1.5 Delta0 (away from the sharp peaks at eV_inj ~ Delta0); de=0: the energy grid
//    is refined from 1/40 until the model's own error is below the noise (fit_parameters' model_error rows)
run("Fit Model to Map...", "map=[" + measured + "] gamma_ee_start=1e-4 span=1 de=0 " + model + " model_step=0.1 vinj_min=1.5 vinj_max=100 vdet_min=-100 vdet_max=100 sigma=0 delta0_ev=" + delta + " g_inj=0 g_det=0 r_xi=0");
fit = "Fit Model to Map: fit_parameters";
Table.save(out + File.separator + "fit_parameters.csv", fit);
print("gamma_ee = " + value(fit, "gamma_ee") + " +- " + Table.get("error", 0, fit) + " (68% profile " + Table.get("low", 0, fit) + " .. " + Table.get("high", 0, fit) + ")");
selectImage("chi2 profile of gamma_ee");
saveAs("PNG", out + File.separator + "chi2_profile.png");
selectImage(replace(measured, ".tif", "") + "_fit_residual");
saveAs("Tiff", out + File.separator + "fit_residual.tif");
print("MACRO DONE fit_model_to_map");
