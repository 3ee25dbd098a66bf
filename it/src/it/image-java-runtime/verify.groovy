import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/image-java-runtime-1.0.json'))
// jars in classpath order, JVM options before the main class, arguments quoted as OSv parses them
assert json.commandLine == '--rootfs=rofs /usr/lib/jvm/java/bin/java -Xmx128m -cp /app/image-java-runtime-1.0.jar:/app/lib/jcommander-3.0.jar com.example.Hello --name "unikernel world"'
// jdeps found the modules the jars use
assert log =~ /Runtime: java 17[^ ]* \(java\.base,java\.logging\)/
// the image holds the runtime, the jars and the libraries the runtime links from the host
assert log =~ /f \/usr\/lib\/jvm\/java\/bin\/java \(\d+ bytes\)/
assert log =~ /f \/usr\/lib\/jvm\/java\/lib\/modules \(\d+ bytes\)/
assert log =~ /f \/usr\/lib\/jvm\/java\/lib\/server\/libjvm\.so \(\d+ bytes\)/
assert log =~ /f \/app\/image-java-runtime-1\.0\.jar \(\d+ bytes\)/
assert log =~ /f \/app\/lib\/jcommander-3\.0\.jar \(\d+ bytes\)/
// nothing OSv provides itself (libc, libm, libpthread, libdl, ld-linux) is copied
assert !(log =~ /f \/usr\/lib\/(libc|libm|libpthread|libdl|ld-linux)[.-]/)
assert log.contains('Filesystem structure is sound')
return true
