import groovy.json.JsonSlurper

def project = new File(basedir, 'project/hello-osv')
def pom = new File(project, 'pom.xml').text
assert pom.contains('<packaging>osv-image</packaging>')
assert pom.contains('<driversProfile>virtio-pci</driversProfile>')
assert pom.contains('<mainClass>com.example.hello.App</mainClass>')
// every plugin the build uses is pinned
['maven-clean-plugin', 'maven-resources-plugin', 'maven-compiler-plugin', 'maven-surefire-plugin',
 'maven-jar-plugin', 'maven-install-plugin', 'maven-deploy-plugin'].each {
    assert pom =~ /(?s)<artifactId>${it}<\/artifactId>\s*<version>/ : "${it} not pinned"
}
assert new File(project, 'src/main/java/com/example/hello/App.java').text.contains('Hello from hello on OSv!')

def target = new File(project, 'target')
assert new File(target, 'osv/gen/include/osv/drivers_config.h').text.contains('#define CONF_drivers_hpet 1\n')
def image = new JsonSlurper().parse(new File(target, 'hello.json'))
assert image.commandLine == '--rootfs=rofs /usr/lib/jvm/java/bin/java -cp /app/hello-osv-1.0-SNAPSHOT.jar com.example.hello.App'

// the image read back: jlinked runtime, the application, the native libraries the runtime needs
def listing = new File(target, 'image-listing.txt').readLines()
assert listing.any { it ==~ /f \/usr\/lib\/jvm\/java\/bin\/java \(\d+ bytes\)/ }
assert listing.any { it ==~ /f \/usr\/lib\/jvm\/java\/lib\/modules \(\d+ bytes\)/ }
assert listing.any { it ==~ /f \/usr\/lib\/jvm\/java\/lib\/server\/libjvm\.so \(\d+ bytes\)/ }
assert listing.any { it ==~ /f \/app\/hello-osv-1\.0-SNAPSHOT\.jar \(\d+ bytes\)/ }
assert listing.any { it ==~ /f \/usr\/lib\/libz\.so\.1 \(\d+ bytes\)/ }
assert listing.contains('d /data')
assert listing.any { it.startsWith('f /usr/lib/jvm/java/release ') }
// jdeps saw the HTTP server: the runtime was linked with jdk.httpserver (the remembered jdeps result)
def jdeps = new File(target, 'osv/runtime-cache').listFiles().find { it.name.startsWith('jdeps-') }
assert jdeps.text.trim() == 'java.base,jdk.httpserver'

return true
