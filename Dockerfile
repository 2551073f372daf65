# ChangeBot: build with the SDK, run on the ASP.NET runtime as a non-root user.
#   docker build -t changebot .
#   docker run -p 5080:5080 -v changebot-data:/data -e ChangeBot__Api__Tokens__0=... changebot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first so the package layer is cached while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/ChangeBot/ChangeBot.csproj src/ChangeBot/
COPY src/ChangeBot.Domain/ChangeBot.Domain.csproj src/ChangeBot.Domain/
COPY src/ChangeBot.Slack/ChangeBot.Slack.csproj src/ChangeBot.Slack/
COPY src/ChangeBot.Data/ChangeBot.Data.csproj src/ChangeBot.Data/
RUN dotnet restore src/ChangeBot/ChangeBot.csproj
COPY src/ src/
RUN dotnet publish src/ChangeBot/ChangeBot.csproj -c Release -o /app --no-restore --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The SQLite file lives on a volume so it survives the container; only the app user may write it.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
# The app's own default binds 127.0.0.1 (safe on a laptop); in a container it must listen on every interface.
ENV ASPNETCORE_URLS=http://0.0.0.0:5080 \
    ConnectionStrings__ChangeBot="Data Source=/data/changebot.db" \
    DOTNET_gcServer=0
EXPOSE 5080
USER $APP_UID
# The runtime image has no curl: ask /healthz over bash's /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
# Configuration comes from the environment (ChangeBot__PolicyFile, ChangeBot__Api__Tokens__0, …).
ENTRYPOINT ["dotnet", "changebot.dll"]
