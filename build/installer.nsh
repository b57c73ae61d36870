; Included by electron-builder's NSIS installer (electron-builder.yml, nsis.include).
;
; Offers Cuttings for web pages (.html, .htm) under Explorer's "Open with", never as their
; default program: the extensions' own default value is never written, only a value in their
; OpenWithProgids naming our class. electron-builder's fileAssociations cannot do this (its
; APP_ASSOCIATE macro sets the extension's default class), and its uninstaller would leave
; .html pointing at the class it deleted. Here the uninstaller removes exactly what the
; installer added. $appExe is the installed Cuttings.exe (electron-builder's installer.nsi).
; tests/packaging/nsis-installer.test.ts compiles these macros with makensis.

!define CUTTINGS_WEB_PAGE_CLASS "Cuttings.WebPage"

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${CUTTINGS_WEB_PAGE_CLASS}" "" "Web page"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${CUTTINGS_WEB_PAGE_CLASS}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${CUTTINGS_WEB_PAGE_CLASS}\shell\open" "" "Open with Cuttings"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${CUTTINGS_WEB_PAGE_CLASS}\shell\open\command" "" '"$appExe" "%1"'
  WriteRegNone SHELL_CONTEXT "Software\Classes\.html\OpenWithProgids" "${CUTTINGS_WEB_PAGE_CLASS}"
  WriteRegNone SHELL_CONTEXT "Software\Classes\.htm\OpenWithProgids" "${CUTTINGS_WEB_PAGE_CLASS}"
  ; SHCNE_ASSOCCHANGED: Explorer reads the associations again.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.html\OpenWithProgids" "${CUTTINGS_WEB_PAGE_CLASS}"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.htm\OpenWithProgids" "${CUTTINGS_WEB_PAGE_CLASS}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${CUTTINGS_WEB_PAGE_CLASS}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
