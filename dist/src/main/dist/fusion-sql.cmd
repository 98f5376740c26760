@echo off
rem fusion-sql: the fusion-jdbc SQL shell. Needs Java 17 or later (java on the PATH, or JAVA_HOME).
rem No progress line on Windows consoles: the summary line after each statement still appears.
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" %FUSION_SQL_JAVA_OPTS% -jar "%~dp0fusion-sql.jar" %*
