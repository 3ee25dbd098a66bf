def log = new File(basedir, 'build.log').text
assert log.contains('<files> entry 1')
assert log =~ /usr\.manifest:2/
assert !new File(basedir, 'target/image-conflict-fails-1.0.img').exists()
return true
