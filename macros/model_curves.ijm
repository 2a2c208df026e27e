// The quasiclassical model from the menu: device numbers of the paper's Table 1, the density of states with and
// without depairing, the equilibrium gap Δ(t), and the charge-imbalance signal g_nl(V_inj) with the Fig. 10
// parameters, and g_a under supercurrent (Fig. 13); plots saved as PNG, tables as CSV.
// Usage: timeout 300 java -jar ij.jar -ijpath APP -batch model_curves.ijm OUTDIR
// (-batch hangs on a macro error behind a modal dialog: hence the timeout; see the README)
out = getArgument();
if (out == "") out = getDirectory("Output folder");
run("Device Numbers...", "resistance=1450 length=1.1e-5 diffusion=0.00169 delta0=2.65e-4 temperature=0.024 gamma_ee=2e-4 ginj=2.46e-5");
Table.save(out + File.separator + "device.csv", "Device Numbers: numbers");
run("Density of States...", "delta=1 gamma=0.001 zeta=0.1 from=-3 to=3 step=0.001");
saveAs("PNG", out + File.separator + "dos.png");
Table.save(out + File.separator + "dos.csv", "Density of States: table");
run("Equilibrium Gap...", "t_from=0 t_to=0.6 t_step=0.01 zeta=0 gamma=0.001");
saveAs("PNG", out + File.separator + "gap.png");
Table.save(out + File.separator + "gap.csv", "Equilibrium Gap: table");
run("Charge Imbalance...", "gamma=0.00153 kappa=1.054e-4 distance=4.62 t=0.0198 zeta=0 length=169.2 vinj_from=-3 vinj_to=3 vinj_step=0.01 vdet_max=0 vdet_step=0.02");
saveAs("PNG", out + File.separator + "charge_imbalance.png");
Table.save(out + File.separator + "charge_imbalance.csv", "Charge Imbalance: table");
run("Supercurrent (g_a)...", "gamma=0.00153 kappa=2.1e-4 distance=4.62 length=169 t_inj=0.0198 t_bath=0.0078 is_ua=5,10,15 i0_ua=29.8 vinj_from=-2 vinj_to=2 vinj_step=0.01 spacing=1");
saveAs("PNG", out + File.separator + "supercurrent_g_a.png");
Table.save(out + File.separator + "supercurrent.csv", "Supercurrent (g_a): table");
run("DOS under Supercurrent...", "gamma=0.00153 t_bath=0.0078 eps_max=3 eps_step=0.005 is_max=0.9 is_step=0.05");
saveAs("Tiff", out + File.separator + "dos_supercurrent.tif");
run("Energy Mode (g_sa)...", "gamma_ee=2e-4 gamma=0.005 de=0.00625 kappa=1.054e-4 length=169.2 t_inj=0.0198 t_det=0.012 t_bath=0.0078 vinj_to=5 vinj_step=0.1 vdet_max=2 vdet_step=0.05");
saveAs("Tiff", out + File.separator + "energy_mode_g_sa.tif");
Table.save(out + File.separator + "energy_mode_delta.csv", "Energy Mode (g_sa): delta_table");
print("MACRO DONE model_curves");
