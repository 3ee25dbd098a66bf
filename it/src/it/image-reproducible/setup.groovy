// Different host mtimes in the two copies: they must not reach the image.
new File(basedir, 'first/files/hosts').setLastModified(1000000000000L)
new File(basedir, 'deeper/second/files/hosts').setLastModified(1500000000000L)
return true
