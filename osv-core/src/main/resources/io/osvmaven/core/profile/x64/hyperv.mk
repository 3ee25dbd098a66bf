# Drivers profile 'hyperv' for x64: Microsoft Hyper-V
conf_drivers_pci?=1
conf_drivers_acpi?=1
conf_drivers_hyperv?=1
conf_drivers_pvpanic?=1
conf_drivers_hpet?=1
