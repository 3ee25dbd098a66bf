# Drivers profile 'aws' for aarch64: AWS Graviton instances
conf_drivers_pci?=1
conf_drivers_ena?=1
