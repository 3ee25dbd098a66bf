import java.security.MessageDigest

def sha256(File f) { MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
['app.img', 'app.qcow2', 'app.json'].each { name ->
    def a = new File(basedir, "first/target/${name}")
    def b = new File(basedir, "deeper/second/target/${name}")
    assert a.isFile() && b.isFile()
    assert sha256(a) == sha256(b) : "${name} differs between the two directories"
}
return true
