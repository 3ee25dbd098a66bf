def log = new File(basedir, 'build.log').text
assert log =~ /usr\.manifest:2: .*(\.\.|escape|outside the root)/
assert !new File(basedir, 'target/image-escape-fails-1.0.img').exists()
return true
