// The paper's Fig. 10 fit chain from the menu: a charge-imbalance curve (here made by the model itself at
// Γ = 1.53e-3, saved as text like a measured g_ss) is fitted for Γ over eV_inj < 1.5 Δ0; then I0 is fitted to
// (I_s, ∂xφ ± σ) pairs. Saves plots and parameter tables.
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch fig10_fits.ijm "out=FOLDER pairs=PAIRS.csv"
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
args = getArgument();
out = substring(args, indexOf(args, "out=") + 4, indexOf(args, " pairs="));
pairs = substring(args, indexOf(args, "pairs=") + 6);
run("Charge Imbalance...", "gamma=0.00153 kappa=1.054e-4 distance=4.62 t=0.0198 zeta=0 length=169.2 vinj_from=0 vinj_to=2 vinj_step=0.01 vdet_max=0 vdet_step=0.02");
curve = out + File.separator + "g_ss_curve.csv";
Table.save(curve, "Charge Imbalance: table");
run("Fit Charge Imbalance...", "curve=[" + curve + "] free=gamma gamma=0.003 vinj_min=0 vinj_max=1.5 kappa=1.054e-4 distance=4.62 t_inj=0.0198 length=169.2");
saveAs("PNG", out + File.separator + "fit_gamma.png");
Table.save(out + File.separator + "fit_gamma.csv", "Fit Charge Imbalance: parameters");
run("Fit I0 (Supercurrent Relation)...", "pairs=[" + pairs + "] gamma=0.00153 t_bath=0.0078");
saveAs("PNG", out + File.separator + "fit_i0.png");
Table.save(out + File.separator + "fit_i0.csv", "Fit I0 (Supercurrent Relation): parameters");
print("MACRO DONE fig10_fits");
