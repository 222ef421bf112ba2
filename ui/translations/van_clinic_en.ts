<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FormHost</name>
    <message numerus="yes">
        <source>%n older kept form(s) will be offered after a later unlock.</source>
        <translation>
            <numerusform>%n older kept form will be offered after a later unlock.</numerusform>
            <numerusform>%n older kept forms will be offered after a later unlock.</numerusform>
        </translation>
    </message>
</context>
</TS>
