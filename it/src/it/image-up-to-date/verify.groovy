def log = new File(basedir, 'build.log').text
def states = (log =~ /\[INFO\] OSv image( \(up to date\))?:/).collect { it[1] ? 'kept' : 'built' }
assert states == ['built', 'kept', 'built'] : states
return true
