# syntax=docker/dockerfile:1
# Multi-stage build. Targets: `gateway` (default) and `erp-simulator` (for demos and load tests).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the build files only, so the layer is reused until a dependency changes.
COPY global.json nuget.config Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Gateway.Core/Gateway.Core.csproj src/Gateway.Core/
COPY src/Gateway.Erp/Gateway.Erp.csproj src/Gateway.Erp/
COPY src/Gateway/Gateway.csproj src/Gateway/
COPY src/ErpSimulator/ErpSimulator.csproj src/ErpSimulator/
RUN dotnet restore src/Gateway/Gateway.csproj && dotnet restore src/ErpSimulator/ErpSimulator.csproj
COPY src/ src/
RUN dotnet publish src/Gateway/Gateway.csproj -c Release --no-restore -o /app/gateway \
 && dotnet publish src/ErpSimulator/ErpSimulator.csproj -c Release --no-restore -o /app/erp-simulator

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the container health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
ENV ASPNETCORE_HTTP_PORTS= \
    DOTNET_gcServer=1
USER $APP_UID

FROM runtime AS erp-simulator
WORKDIR /app
COPY --from=build /app/erp-simulator .
EXPOSE 9080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD curl -fs http://127.0.0.1:9080/_sim/stats || exit 1
ENTRYPOINT ["dotnet", "ErpSimulator.dll", "--urls", "http://0.0.0.0:9080"]

FROM runtime AS gateway
WORKDIR /app
COPY --from=build /app/gateway .
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD curl -fs http://127.0.0.1:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "Gateway.dll", "--urls", "http://0.0.0.0:8080"]
