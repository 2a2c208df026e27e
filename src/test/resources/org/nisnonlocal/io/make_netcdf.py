# Writes xarray_map.nc, the netCDF4 test file of NetcdfImportTest, the way QCoDeS' export("netcdf") does: a
# DataArray over (outer, inner) coordinates with units and long names, and the run's identity as global attributes.
# Made with Debian's python3-xarray + python3-netcdf4 (apt-get install python3-xarray python3-netcdf4):
#   /usr/bin/python3 make_netcdf.py
import numpy as np
import xarray as xr

vdet = np.linspace(0.3, -0.3, 7)           # outer loop, swept downward
vinj = np.linspace(-0.5, 0.5, 11)          # inner loop
g = 1e-6 * (1 + np.add.outer(10 * vdet, vinj ** 2))
ds = xr.Dataset(
    {"g_nl": (("vdet", "vinj"), g, {"units": "S", "long_name": "nonlocal conductance"})},
    coords={"vdet": ("vdet", vdet, {"units": "mV", "long_name": "V_det"}),
            "vinj": ("vinj", vinj, {"units": "mV", "long_name": "V_inj"})},
    attrs={"run_id": 42, "guid": "aaaaaaaa-0000-0000-0000-0000000000042", "exp_name": "nonlocal", "sample_name": "wire A",
           "run_timestamp_raw": 1700000000.0})
ds.to_netcdf("xarray_map.nc", engine="netcdf4")
