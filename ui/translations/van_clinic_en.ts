<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClientSearch</name>
    <message numerus="yes">
        <source>%n+ found</source>
        <translation>
            <numerusform>%n+ found</numerusform>
            <numerusform>%n+ found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteClientForm</name>
    <message numerus="yes">
        <source>• Reason, notes and follow-up of the %n visit(s), and</source>
        <translation>
            <numerusform>• Reason, notes and follow-up of the %n visit, and</numerusform>
            <numerusform>• Reason, notes and follow-up of the %n visits, and</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>   the reason, request, what the client was told and notes of the %n referral(s)</source>
        <translation>
            <numerusform>   the reason, request, what the client was told and notes of the %n referral</numerusform>
            <numerusform>   the reason, request, what the client was told and notes of the %n referrals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• %n visit(s): date, site, services, supplies (for the weekly counts)</source>
        <translation>
            <numerusform>• %n visit: date, site, services, supplies (for the weekly counts)</numerusform>
            <numerusform>• %n visits: date, site, services, supplies (for the weekly counts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• %n referral(s): destination, urgency and outcome</source>
        <translation>
            <numerusform>• %n referral: destination, urgency and outcome</numerusform>
            <numerusform>• %n referrals: destination, urgency and outcome</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• %n incident report(s), no longer linked to this person</source>
        <translation>
            <numerusform>• %n incident report, no longer linked to this person</numerusform>
            <numerusform>• %n incident reports, no longer linked to this person</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Saved {file} in {folder} (week {week}, %n contact(s)).</source>
        <translation>
            <numerusform>Saved {file} in {folder} (week {week}, %n contact).</numerusform>
            <numerusform>Saved {file} in {folder} (week {week}, %n contacts).</numerusform>
        </translation>
    </message>
</context>
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
<context>
    <name>IncidentList</name>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message numerus="yes">
        <source>must be at least %n character(s)</source>
        <translation>
            <numerusform>must be at least %n character</numerusform>
            <numerusform>must be at least %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <source>Printed: {document} (%n copies).</source>
        <translation>
            <numerusform>Printed: {document} (%n copy).</numerusform>
            <numerusform>Printed: {document} (%n copies).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept to print later, encrypted in the vault (%n waiting). Print it from Print queue when a printer is connected.</source>
        <translation>
            <numerusform>Kept to print later, encrypted in the vault (%n waiting). Print it from Print queue when a printer is connected.</numerusform>
            <numerusform>Kept to print later, encrypted in the vault (%n waiting). Print it from Print queue when a printer is connected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message numerus="yes">
        <source>%n document(s) waiting for a printer.</source>
        <translation>
            <numerusform>%n document waiting for a printer.</numerusform>
            <numerusform>%n documents waiting for a printer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n document(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n document to the printer.</numerusform>
            <numerusform>Sent %n documents to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message numerus="yes">
        <source>%n failed attempt(s).</source>
        <translation>
            <numerusform>%n failed attempt.</numerusform>
            <numerusform>%n failed attempts.</numerusform>
        </translation>
    </message>
</context>
</TS>
