# my profile
include conf/profiles/$(arch)/microvm.mk
conf_drivers_hpet?=1
ifneq ($(conf_drivers_xen),1)
