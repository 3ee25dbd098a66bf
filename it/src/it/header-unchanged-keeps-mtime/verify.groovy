def header = new File(basedir, 'target/osv/gen/include/osv/drivers_config.h')
assert header.lastModified() == 1000000000000L : "header was rewritten although its content is current"
assert new File(basedir, 'build.log').text.contains('Unchanged, kept')
return true
