# Sourced by postBuild and start: on Ubuntu noble `maven` pulls the default JRE (21) and makes it
# `java`; DeepBrew is built and tested on 17, so the kernel, the build and the tools use 17.
for jdk in /usr/lib/jvm/java-17-openjdk-*; do
  if [ -x "$jdk/bin/javac" ]; then
    export JAVA_HOME="$jdk" DEEPBREW_JAVA="$jdk/bin/java" PATH="$jdk/bin:$PATH"
    break
  fi
done
