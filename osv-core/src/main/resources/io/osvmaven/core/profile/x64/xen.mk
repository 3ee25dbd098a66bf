# Drivers profile 'xen' for x64: Xen HVM guests
conf_drivers_pci?=1
conf_drivers_acpi?=1
conf_drivers_xen?=1
conf_drivers_pvpanic?=1
conf_drivers_hpet?=1
