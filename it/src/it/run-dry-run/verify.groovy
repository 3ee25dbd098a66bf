import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def img = new File(basedir, 'target/run-dry-run-1.0.img').absolutePath
def line = log.readLines().find { it.contains('Dry run: ') }
assert line != null
def cmd = line.substring(line.indexOf('Dry run: ') + 9)
assert cmd.startsWith('qemu-system-x86_64 -m 1G -smp 2 -nographic -no-reboot ')
assert !cmd.contains('-enable-kvm')
assert cmd.contains("-kernel ${new File(basedir, 'kernel/loader-stripped.elf').absolutePath} -append '--rootfs=rofs --env=PORT=80 --verbose /hello.so'")
assert cmd.contains("-drive file=${img},if=none,id=hd0,format=raw,snapshot=on")
assert cmd.contains('-netdev user,id=net0,hostfwd=tcp::8080-:80')

def fc = new JsonSlurper().parse(new File(basedir, 'target/run-dry-run-1.0.firecracker.json'))
assert fc.'boot-source'.boot_args == '--nopci --rootfs=rofs --env=PORT=80 --verbose /hello.so'
assert fc.'boot-source'.kernel_image_path.endsWith('kernel/loader-stripped.elf')
assert fc.drives[0].path_on_host == img
assert fc.'machine-config'.mem_size_mib == 1024
return true
