def log = new File(basedir, 'build.log').text
assert log =~ /<profileFile>: .*custom\.mk:4: unsupported line 'ifneq \(\$\(conf_drivers_xen\),1\)'/
assert !new File(basedir, 'target/osv/gen/include/osv/drivers_config.h').exists()
return true
