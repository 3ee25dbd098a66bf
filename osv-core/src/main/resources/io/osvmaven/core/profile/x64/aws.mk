# Drivers profile 'aws' for x64: AWS Nitro instances
conf_drivers_pci?=1
conf_drivers_acpi?=1
conf_drivers_ena?=1
conf_drivers_pvpanic?=1
conf_drivers_hpet?=1
