# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'my_tasks.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QTreeWidget, QVBoxLayout, QWidget)

class Ui_MyTasksPanel(object):
    def setupUi(self, MyTasksPanel):
        if not MyTasksPanel.objectName():
            MyTasksPanel.setObjectName(u"MyTasksPanel")
        MyTasksPanel.resize(640, 420)
        self.panelLayout = QVBoxLayout(MyTasksPanel)
        self.panelLayout.setSpacing(4)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(6, 6, 6, 6)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(MyTasksPanel)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 13pt; font-weight: bold;")

        self.headerLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(MyTasksPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)
        self.summaryLabel.setStyleSheet(u"color: #5f6368;")
        self.summaryLabel.setWordWrap(True)

        self.headerLayout.addWidget(self.summaryLabel)

        self.refreshButton = QPushButton(MyTasksPanel)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.panelLayout.addLayout(self.headerLayout)

        self.taskTree = QTreeWidget(MyTasksPanel)
        self.taskTree.setObjectName(u"taskTree")
        self.taskTree.setAlternatingRowColors(True)
        self.taskTree.setUniformRowHeights(True)
        self.taskTree.setAllColumnsShowFocus(True)

        self.panelLayout.addWidget(self.taskTree)

        self.emptyLabel = QLabel(MyTasksPanel)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setStyleSheet(u"color: #5f6368; padding: 24px;")
        self.emptyLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.emptyLabel)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.hintLabel = QLabel(MyTasksPanel)
        self.hintLabel.setObjectName(u"hintLabel")
        sizePolicy.setHeightForWidth(self.hintLabel.sizePolicy().hasHeightForWidth())
        self.hintLabel.setSizePolicy(sizePolicy)
        self.hintLabel.setStyleSheet(u"color: #5f6368;")

        self.footerLayout.addWidget(self.hintLabel)

        self.openButton = QPushButton(MyTasksPanel)
        self.openButton.setObjectName(u"openButton")
        self.openButton.setEnabled(False)

        self.footerLayout.addWidget(self.openButton)


        self.panelLayout.addLayout(self.footerLayout)

        QWidget.setTabOrder(self.taskTree, self.openButton)
        QWidget.setTabOrder(self.openButton, self.refreshButton)

        self.retranslateUi(MyTasksPanel)

        QMetaObject.connectSlotsByName(MyTasksPanel)
    # setupUi

    def retranslateUi(self, MyTasksPanel):
        MyTasksPanel.setWindowTitle(QCoreApplication.translate("MyTasksPanel", u"Tugas Saya", None))
        self.titleLabel.setText(QCoreApplication.translate("MyTasksPanel", u"Tugas Saya", None))
        self.refreshButton.setText(QCoreApplication.translate("MyTasksPanel", u"Muat Ulang", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("MyTasksPanel", u"Periksa lagi apa yang menunggu Anda", None))
#endif // QT_CONFIG(tooltip)
        ___qtreewidgetitem = self.taskTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("MyTasksPanel", u"Waktu", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("MyTasksPanel", u"Status", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("MyTasksPanel", u"Kampanye", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("MyTasksPanel", u"Tugas", None))
#if QT_CONFIG(tooltip)
        self.taskTree.setToolTip(QCoreApplication.translate("MyTasksPanel", u"Klik dua kali atau tekan Enter untuk membuka tahapnya", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.taskTree.setAccessibleName(QCoreApplication.translate("MyTasksPanel", u"Daftar tugas yang menunggu Anda", None))
#endif // QT_CONFIG(accessibility)
        self.hintLabel.setText(QCoreApplication.translate("MyTasksPanel", u"Klik dua kali atau tekan Enter untuk membuka.", None))
        self.openButton.setText(QCoreApplication.translate("MyTasksPanel", u"Buka", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("MyTasksPanel", u"Buka tahap kampanye dari tugas yang dipilih", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

