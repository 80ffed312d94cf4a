# Image for one published .NET app (the build context is its `dotnet publish`
# output folder). Used by deploy/up.sh:
#   docker build -f deploy/service.Dockerfile \
#     --build-arg DOTNET_IMAGE=<runtime image> --build-arg APP=Programmes.Funding \
#     -t programmes/funding:local deploy/.build/funding
ARG DOTNET_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
FROM ${DOTNET_IMAGE}

# The compose health checks use curl; the stand-in runtime has it, the official
# aspnet image may not (then it is installed; cached across all app images).
RUN command -v curl >/dev/null 2>&1 || { apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; }

ARG APP
ENV APP_DLL=${APP}.dll \
    ASPNETCORE_URLS=http://+:8080
WORKDIR /app
COPY . /app/
RUN test -f "/app/${APP}.dll" || { echo "/app/${APP}.dll not found: is the build context the publish folder of ${APP}?" >&2; exit 1; }

# Non-root, as the official images recommend (uid 1654 "app").
USER 1654
EXPOSE 8080
# Exec form cannot expand ARGs; `sh -c exec` keeps dotnet as PID 1 (signals reach it).
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"/app/$APP_DLL\" \"$@\"", "dotnet"]
